import { type Key, useInput } from 'ink';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { BrowserModel } from '../browser-model.js';
import { codeKeys, detailEnter, openCode, openRelated, relatedKeys } from '../drill-keys.js';
import { cellText, getPath } from '../get-path.js';
import { formatJsonPath } from '../json-path.js';
import { firstPositionOfPage, pageIndexOf } from '../page-position.js';

/** Moves in the table; reaching the last loaded row asks for the next page. */
function tableMove(model: BrowserModel, key: Key): boolean {
  const { selection, view, pageHeight, pager } = model;
  let target: number | undefined;
  if (key.upArrow) target = selection.cursor - 1;
  else if (key.downArrow) target = selection.cursor + 1;
  else if (key.pageUp) target = selection.cursor - pageHeight;
  else if (key.pageDown) target = selection.cursor + pageHeight;
  else if (key.home) target = 0;
  else if (key.end) target = view.length - 1;
  if (target === undefined) return false;
  if (key.pageUp || key.pageDown) selection.page(target - selection.cursor);
  else selection.moveTo(target);
  if (target >= view.length - 1 && pager.hasMore && !pager.loading && !pager.error) void pager.loadNext();
  return true;
}

function pageJump(model: BrowserModel, delta: 1 | -1) {
  const { pager, view, selection, sort } = model;
  const rowIndex = view[selection.cursor];
  const current =
    rowIndex === undefined ? pager.pageStarts.length - 1 : pageIndexOf(pager.pageStarts, rowIndex);
  const target = current + delta;
  if (target < 0) return model.say('already on the first page');
  if (target < pager.pageStarts.length) {
    const position = firstPositionOfPage(view, pager.pageStarts, target, sort.order !== undefined);
    if (position >= 0) selection.moveTo(position);
    else model.say(`no displayed rows on page ${pager.pageNumbers[target] ?? target + 1}`);
    return;
  }
  if (!pager.hasMore) return model.say('that was the last page');
  model.jumpToPage(target);
  void pager.loadNext();
}

function tableKeys(model: BrowserModel, input: string, key: Key) {
  const { pager, selection, view } = model;
  if (tableMove(model, key)) return;
  if (key.escape) {
    if (pager.loading === 'all') pager.stop();
    else if (model.filter.query) model.filter.clear();
    else model.back();
    return;
  }
  if (key.return) {
    const rowIndex = view[selection.cursor];
    if (rowIndex !== undefined) model.openDetail(rowIndex);
    return;
  }
  switch (input) {
    case 'n':
      return pageJump(model, 1);
    case 'p':
      return pageJump(model, -1);
    case 'a':
      if (pager.hasMore) void pager.loadAll();
      else model.say('all pages are loaded');
      return;
    case 'r':
      if (pager.error) void pager.loadNext();
      return;
    case ' ': {
      const rowIndex = view[selection.cursor];
      if (rowIndex !== undefined) selection.toggleMark(rowIndex);
      return selection.move(1);
    }
    case '/':
      model.input.reset(model.filter.query);
      return model.setMode('filter');
    case 'e':
      model.input.reset('');
      return model.setMode('export');
    case 's': {
      const at = model.columns.fitted.findIndex((c) => c.key === model.sort.order?.key);
      model.setPickCursor(Math.max(0, at));
      return model.setMode('sort');
    }
    case 'c':
      model.setPickCursor(0);
      return model.setMode('columns');
    case 'S':
      return model.filterOnServer();
    case 'x':
      return openCode(model);
    case 'g': {
      const rowIndex = view[selection.cursor];
      if (rowIndex === undefined) return;
      model.openDetail(rowIndex);
      return openRelated(model, true);
    }
  }
}

function detailKeys(model: BrowserModel, input: string, key: Key) {
  const { detail } = model;
  if (key.upArrow) return detail.move(-1);
  if (key.downArrow) return detail.move(1);
  if (key.pageUp) return detail.move(-model.pageHeight);
  if (key.pageDown) return detail.move(model.pageHeight);
  if (key.home) return detail.move(-detail.lines.length);
  if (key.end) return detail.move(detail.lines.length);
  if (key.leftArrow) return detail.fold();
  if (key.rightArrow) return detail.unfold();
  if (key.return) return detailEnter(model);
  if (key.escape) {
    if (!model.singleValue) model.setMode('table');
    else model.back();
    return;
  }
  if (input === 'x') return openCode(model);
  if (input === 'g') return openRelated(model, false);
  const line = detail.current;
  if (!line) return;
  if (input === 'y') {
    if (line.path.length > 0) return model.copy(formatJsonPath(line.path));
    const id = cellText(getPath(line.value, 'id'));
    return id ? model.copy(id) : model.say('this item has no id; move to a field to copy its path');
  }
  if (input === 'Y') model.copy(JSON.stringify(line.value) ?? 'null');
}

function pickKeys(model: BrowserModel, input: string, key: Key) {
  const keys = model.mode === 'sort' ? model.columns.fitted.map((c) => c.key) : model.columns.candidates;
  const at = model.pickCursor;
  if (key.upArrow) return model.setPickCursor(Math.max(0, at - 1));
  if (key.downArrow) return model.setPickCursor(Math.min(keys.length - 1, at + 1));
  if (key.escape || input === 'q' || (model.mode === 'columns' && input === 'c'))
    return model.setMode('table');
  const chosen = keys[at];
  if (chosen === undefined) return;
  if (model.mode === 'sort' && (key.return || input === ' ' || input === 's')) {
    model.sort.cycle(chosen);
    model.selection.moveTo(0);
    return model.setMode('table');
  }
  if (model.mode === 'columns' && (key.return || input === ' ')) model.columns.toggle(chosen);
}

async function submitExport(model: BrowserModel): Promise<void> {
  const path = model.input.value.trim() || `${model.pager.operation?.name ?? 'rows'}.json`;
  const items = model.view.map((index) => model.pager.rows[index]);
  model.say(`writing ${items.length} rows…`);
  model.say(await model.exporter.write(path, items, model.columns.chosen));
}

function inputKeys(model: BrowserModel, input: string, key: Key) {
  const outcome = model.input.handle(input, key);
  if (outcome === 'edit') return;
  model.setMode('table');
  if (model.mode === 'filter') {
    if (outcome === 'cancel') model.filter.clear();
    else model.filter.apply(model.input.value);
    model.selection.moveTo(0);
  } else if (outcome === 'submit') {
    void submitExport(model);
  }
}

/**
 * The browser's keyboard: one handler, dispatching on the mode the screen is in. A key is
 * handled at once against the latest rendered model; a key arriving before the previous
 * one's render committed (paste, Down then Enter in one read) is queued and handled after
 * the next commit, so no key ever sees a stale screen.
 */
export function useBrowserKeys(model: BrowserModel, active = true): void {
  const latest = useRef(model);
  latest.current = model;
  const queue = useRef<[string, Key][]>([]);
  const stale = useRef(false);
  const [, bump] = useState(0);
  const onKey = useCallback((input: string, key: Key) => {
    for (const event of splitBurst(input, key)) {
      if (stale.current || queue.current.length > 0) {
        queue.current.push(event);
        bump((n) => n + 1);
      } else {
        stale.current = true;
        handleKey(latest.current, event[0], event[1]);
      }
    }
  }, []);
  // Views covered by a drilled one keep their state but must not hear the keys.
  useInput(onKey, { isActive: active });
  useLayoutEffect(() => {
    stale.current = false;
    const next = queue.current.shift();
    if (!next) return;
    stale.current = true;
    handleKey(model, next[0], next[1]);
    if (queue.current.length > 0) bump((n) => n + 1);
  });
}

/**
 * ink hands over plain text read in one chunk as one event ("fraud\r", " q"): a paste, or
 * keys typed faster than they are read. Split it into one event per character.
 */
function splitBurst(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  return [...input].map((ch) => [
    ch === '\r' || ch === '\n' || ch === '\x7f' || ch === '\b' ? '' : ch,
    {
      ...key,
      return: ch === '\r' || ch === '\n',
      backspace: ch === '\x7f' || ch === '\b',
      shift: /[A-Z]/.test(ch),
    },
  ]);
}

function handleKey(model: BrowserModel, input: string, key: Key) {
  if (key.ctrl && input === 'c') return model.leave();
  if (model.mode === 'filter' || model.mode === 'export') return inputKeys(model, input, key);
  model.say(undefined);
  if (model.mode === 'help') return model.setMode(model.helpReturn);
  if (model.mode === 'sort' || model.mode === 'columns') return pickKeys(model, input, key);
  if (model.mode === 'related') return relatedKeys(model, input, key);
  if (model.mode === 'code') return codeKeys(model, input, key);
  if (input === 'q') return model.leave();
  if (input === '?') {
    model.setHelpReturn(model.mode);
    return model.setMode('help');
  }
  if (model.mode === 'detail') return detailKeys(model, input, key);
  return tableKeys(model, input, key);
}
