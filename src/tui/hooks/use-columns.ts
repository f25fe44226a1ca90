import { useMemo, useState } from 'react';
import type { ApiSpec, Operation } from '../../spec/index.js';
import {
  candidateColumns,
  defaultColumns,
  type FittedColumns,
  fitColumns,
  measureColumns,
} from '../columns.js';

/** How many rows column widths are measured on: enough to be typical, cheap at any size. */
const SAMPLE = 200;

export interface ColumnsState {
  /** Every column the items offer, in the order the chooser lists them. */
  readonly candidates: readonly string[];
  /** The chosen columns, in display order. */
  readonly chosen: readonly string[];
  /** The chosen columns that fit the terminal, with their widths. */
  readonly fitted: FittedColumns;
  toggle(key: string): void;
}

/** Columns chosen from the item schema (or the rows), fitted to `width` and refitted on resize. */
export function useColumns(
  rows: readonly unknown[],
  version: number,
  operation: Operation | undefined,
  spec: ApiSpec | undefined,
  width: number,
  visible: readonly unknown[],
): ColumnsState {
  const model = operation?.list?.itemModel;
  const hasRows = rows.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when the first rows arrive, not on every page
  const available = useMemo(() => {
    const schema = model ? spec?.definitions[model] : undefined;
    const all = candidateColumns(schema, spec?.definitions ?? {}, rows);
    const defaults = defaultColumns(all, rows);
    return { defaults, candidates: [...defaults, ...all.filter((key) => !defaults.includes(key))] };
  }, [model, spec, hasRows]);
  const [picked, setPicked] = useState<readonly string[] | undefined>(undefined);
  const chosen = picked ?? available.defaults;
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows grows in place; version says when
  const sampled = useMemo(() => measureColumns(chosen, rows.slice(0, SAMPLE)), [chosen, rows, version]);
  // The rows on screen count too, so later, longer values (p99999) are not cut; a screenful is cheap.
  const onScreen = measureColumns(chosen, visible);
  const natural = sampled.map((w, i) => Math.max(w, onScreen[i] ?? 0));
  const key = natural.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: natural is a new array each render; its text is the key
  const fitted = useMemo(() => fitColumns(chosen, natural, width), [chosen, key, width]);
  const toggle = (key: string) =>
    setPicked((current) => {
      const list = current ?? available.defaults;
      return list.includes(key) ? list.filter((k) => k !== key) : [...list, key];
    });
  return { candidates: available.candidates, chosen, fitted, toggle };
}
