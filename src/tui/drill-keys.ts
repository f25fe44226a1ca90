import type { Key } from 'ink';
import type { BrowserModel } from './browser-model.js';
import { CODE_TABS } from './components/CodeOverlay.js';

/** `x`: shows the call behind the view as code; the overlay returns to where it was opened. */
export function openCode(model: BrowserModel): void {
  model.setHelpReturn(model.mode);
  model.setMode('code');
}

/**
 * `g`: the related pick list of the detail item. `fromTable` opened the detail just now, for
 * the row under the cursor; with nothing related it stays in the table.
 */
export function openRelated(model: BrowserModel, fromTable: boolean) {
  if (model.related.length === 0) {
    if (fromTable) model.setMode('table');
    return model.say('nothing related to follow here (drill-down needs the api and a spec)');
  }
  model.setPickCursor(0);
  // Esc goes back where `g` was pressed: the table it came from, or the detail view.
  model.setRelatedReturn(fromTable ? 'table' : 'detail');
  model.setMode('related');
}

/** Enter in the detail view: a field naming another resource opens it; elsewhere fold/unfold. */
export function detailEnter(model: BrowserModel) {
  const line = model.detail.current;
  const field = line?.path.length === 1 ? line.path[0] : undefined;
  const reference = model.references.find((ref) => ref.field === field);
  if (reference) {
    const crumb = `${reference.field.replace(/_(id|identifier)$/, '')} ${reference.value}`;
    return model.follow(reference.call, crumb);
  }
  model.detail.toggle();
}

/** The related pick list: Enter follows, Esc goes back to where it was opened from. */
export function relatedKeys(model: BrowserModel, input: string, key: Key) {
  const at = model.pickCursor;
  if (key.upArrow) return model.setPickCursor(Math.max(0, at - 1));
  if (key.downArrow) return model.setPickCursor(Math.min(model.related.length - 1, at + 1));
  if (key.escape || input === 'g') return model.setMode(model.relatedReturn);
  if (input === 'q') return model.leave();
  const chosen = model.related[at];
  if (key.return && chosen) {
    model.setMode(model.relatedReturn);
    model.follow(chosen.call, chosen.crumb);
  }
}

/** The code overlay: 1 2 3 or ← → pick the language, y or Enter copies it, anything else closes. */
export function codeKeys(model: BrowserModel, input: string, key: Key) {
  const { code, codeTab } = model;
  if (code && (key.leftArrow || key.rightArrow || key.tab))
    return model.setCodeTab(codeTab + (key.leftArrow ? -1 : 1));
  const number = Number(input);
  if (code && Number.isInteger(number) && number >= 1 && number <= CODE_TABS.length)
    return model.setCodeTab(number - 1);
  const tab = CODE_TABS[codeTab];
  if (code && tab && (input === 'y' || key.return)) {
    const text = code[tab.key];
    model.copy(text, `copied the ${tab.title} call (${text.split('\n').length} lines) to the clipboard`);
  }
  model.setMode(model.helpReturn);
}
