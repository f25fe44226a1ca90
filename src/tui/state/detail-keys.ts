import { cellText, getPath } from '../../present/index.js';
import { formatJsonPath } from '../json-path.js';
import { computeViewport } from '../viewport.js';
import type { Keypress } from './keypress.js';
import { refresh } from './load.js';
import { back, follow } from './navigate.js';
import { openActions, openCode, openRelated, toggleWatch } from './open.js';
import { bodyHeight, detailCursor, detailLines, referencesOf } from './select.js';
import { same, update } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';

/** The tree's cursor put at `position`, scrolled to keep it shown. */
function moveTo(state: BrowserState, view: ViewState, position: number): ViewState {
  const total = detailLines(view).length;
  const cursor = Math.max(0, Math.min(position, total - 1));
  const top = computeViewport(cursor, view.detail.top, bodyHeight(state) + 1, total).start;
  return { ...view, detail: { ...view.detail, cursor, top } };
}

function setFold(view: ViewState, id: string, fold: boolean): ViewState {
  const folded = new Set(view.detail.folded);
  if (fold) folded.add(id);
  else folded.delete(id);
  return { ...view, detail: { ...view.detail, folded } };
}

/** Copies text over OSC 52 and says so (`what`, else the text itself). */
export function copy(state: BrowserState, view: ViewState, text: string, what?: string): Step {
  const said = what ?? `copied ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
  return update(state, view, { type: 'copy', view: view.id, text, what: said });
}

/** Enter: a field naming another resource opens it; elsewhere fold/unfold. */
function enter(state: BrowserState, view: ViewState): Step {
  const line = detailLines(view)[detailCursor(view)];
  const field = line?.path.length === 1 ? line.path[0] : undefined;
  const reference = referencesOf(state, view).find((ref) => ref.field === field);
  if (reference) {
    return follow(
      state,
      reference.call,
      `${reference.field.replace(/_(id|identifier)$/, '')} ${reference.value}`,
    );
  }
  if (!line || line.size === 0) return same(state);
  return update(state, setFold(view, line.id, !line.folded));
}

export function detailKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const lines = detailLines(view);
  const cursor = detailCursor(view);
  const line = lines[cursor];
  const page = bodyHeight(state);
  switch (key.name) {
    case 'up':
      return update(state, moveTo(state, view, cursor - 1));
    case 'down':
      return update(state, moveTo(state, view, cursor + 1));
    case 'pageUp':
      return update(state, moveTo(state, view, cursor - page));
    case 'pageDown':
      return update(state, moveTo(state, view, cursor + page));
    case 'home':
      return update(state, moveTo(state, view, 0));
    case 'end':
      return update(state, moveTo(state, view, lines.length - 1));
    case 'left': {
      if (!line) return same(state);
      if (line.size > 0 && !line.folded) return update(state, setFold(view, line.id, true));
      const parent = lines.findLastIndex((l, i) => i < cursor && l.depth < line.depth);
      return parent >= 0 ? update(state, moveTo(state, view, parent)) : same(state);
    }
    case 'right':
      return line && line.size > 0 && line.folded
        ? update(state, setFold(view, line.id, false))
        : same(state);
    case 'return':
      return enter(state, view);
    case 'escape':
      return view.single ? back(state) : update(state, { ...view, mode: 'table' });
  }
  switch (key.input) {
    case 'x':
      return openCode(state, view);
    case 'g':
      return openRelated(state, view, false);
    case 'R':
      return refresh(state, view);
    case 'w':
      return toggleWatch(state, view);
    case ':':
      return openActions(state, view);
    case 'y': {
      if (!line) return same(state);
      if (line.path.length > 0) return copy(state, view, formatJsonPath(line.path));
      const id = cellText(getPath(line.value, 'id'));
      return id
        ? copy(state, view, id)
        : update(state, { ...view, message: 'this item has no id; move to a field to copy its path' });
    }
    case 'Y':
      return line ? copy(state, view, JSON.stringify(line.value) ?? 'null') : same(state);
  }
  return same(state);
}
