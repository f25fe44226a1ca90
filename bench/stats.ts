/**
 * Statistics shared by every benchmark: percentiles, spread, paired ratios and the result
 * row each figure reports. Pure functions; no timing happens here.
 */

/** One line of the final table: a figure, its floor, their ratio and the target. */
export interface BenchRow {
  /** Short stable key (`startup.repl`), used in bench/results.json. */
  readonly id: string;
  /** What was measured, for people. */
  readonly figure: string;
  readonly unit: string;
  /** Median of the repetitions. */
  readonly median: number;
  /** Interquartile range as a share of the median (0.05 = 5%). */
  readonly spread: number;
  readonly samples: number;
  /** The floor measured in the same run, interleaved with the figure. */
  readonly floor?: { readonly name: string; readonly median: number; readonly spread: number } | undefined;
  /** Median of per-repetition figure/floor ratios, and their IQR as a share. */
  readonly ratio?: { readonly median: number; readonly spread: number } | undefined;
  /** Human-readable target, e.g. `<= 2.0x` or `p99 < 5 ms`. */
  readonly target: string;
  /** Whether the target is met; undefined when the row is informative only. */
  readonly ok: boolean | undefined;
  /** Extra figures (p99, rss, ...) worth keeping in results.json. */
  readonly extra?: Readonly<Record<string, number | string>> | undefined;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Interquartile range relative to the median: a robust "how noisy was this". */
export function relativeSpread(values: readonly number[]): number {
  const m = median(values);
  return m === 0 ? 0 : (quantile(values, 0.75) - quantile(values, 0.25)) / Math.abs(m);
}

/** Median and spread of a sample in one go. */
export function summarise(values: readonly number[]): { median: number; spread: number; samples: number } {
  return { median: median(values), spread: relativeSpread(values), samples: values.length };
}

/**
 * Ratios of figure to floor, paired repetition by repetition (they were interleaved, so each
 * pair saw the same machine state), summarised by median and spread.
 */
export function pairedRatio(
  figure: readonly number[],
  floor: readonly number[],
): { median: number; spread: number } {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(figure.length, floor.length); i++) {
    const a = figure[i];
    const b = floor[i];
    if (a !== undefined && b !== undefined && b > 0) ratios.push(a / b);
  }
  return { median: median(ratios), spread: relativeSpread(ratios) };
}

/** Builds a row for a figure measured against a floor with a "ratio at most" target. */
export function ratioRow(options: {
  id: string;
  figure: string;
  unit: string;
  values: readonly number[];
  floorName: string;
  floorValues: readonly number[];
  maxRatio?: number | undefined;
  /** For figures where bigger is better (requests per second): ratio is floor/figure. */
  higherIsBetter?: boolean | undefined;
  extra?: Record<string, number | string> | undefined;
}): BenchRow {
  const own = summarise(options.values);
  const floor = summarise(options.floorValues);
  const ratio = options.higherIsBetter
    ? pairedRatio(options.floorValues, options.values)
    : pairedRatio(options.values, options.floorValues);
  return {
    id: options.id,
    figure: options.figure,
    unit: options.unit,
    median: own.median,
    spread: own.spread,
    samples: own.samples,
    floor: { name: options.floorName, median: floor.median, spread: floor.spread },
    ratio,
    target: options.maxRatio === undefined ? 'info' : `<= ${Number(options.maxRatio.toFixed(2))}x`,
    ok: options.maxRatio === undefined ? undefined : ratio.median <= options.maxRatio,
    extra: options.extra,
  };
}

/** Measures `fn` once, in milliseconds, with the high-resolution clock. */
export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs `a` and `b` alternately `reps` times (ABBA order so neither always goes first),
 * after `warmup` unmeasured rounds; returns both samples.
 */
export async function interleave(
  reps: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
  warmup = 1,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return [as, bs];
}

/** Number formatting for the table: 3 significant digits, no exponent for normal ranges. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `±${(share * 50).toFixed(share * 50 < 10 ? 1 : 0)}%` : '';
}

/** The final table, as aligned plain text. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['figure', 'median', 'spread', 'floor', 'floor median', 'ratio', 'target', 'ok'];
  const lines = rows.map((row) => [
    row.figure,
    `${formatNumber(row.median)} ${row.unit}`,
    formatPercent(row.spread),
    row.floor?.name ?? '',
    row.floor ? `${formatNumber(row.floor.median)} ${row.unit}` : '',
    row.ratio ? `${row.ratio.median.toFixed(2)}x ${formatPercent(row.ratio.spread)}` : '',
    row.target,
    row.ok === undefined ? '' : row.ok ? 'yes' : 'MISS',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}
