/**
 * Text from a server or a spec is data, never instructions to the terminal: an ESC, a C1
 * control or a bidi override in a project name must not set the window title, write the
 * clipboard (OSC 52), clear the screen or reorder what the user reads. These functions make
 * such characters visible instead (ESC as ␛, C1 and bidi controls as `\u009b`), and are
 * applied where text meets the screen. Files and pipes (JSON, CSV) keep the data as it is.
 */

// C0 except tab and line feed, DEL, C1, bidi embeddings/overrides/isolates, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function shown(char: string): string {
  const code = char.charCodeAt(0);
  // Control Pictures (U+2400…) are one cell wide and say what the character was.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '␡';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text that may span lines (an error, a detail value, help): line feeds and tabs kept, every other control shown. */
export function safeText(text: string): string {
  const unified = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  return UNSAFE_TEST.test(unified) ? unified.replace(UNSAFE, shown) : unified;
}

/** One line of text (a cell, a status line): runs of whitespace become one space, controls shown. */
export function safeLine(text: string): string {
  return safeText(/[\t\n\r]/.test(text) ? text.replace(/[\t\n\r]+/g, ' ') : text);
}

/** Whether text holds anything safeText would change. */
export function isSafe(text: string): boolean {
  return !UNSAFE_TEST.test(text) && !text.includes('\r');
}

const BIDI = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Output of util.inspect: it already escapes C0 and C1 controls inside strings (and may
 * hold its own colour codes, which must stay), so only bidi controls are left to show.
 */
export function safeInspected(text: string): string {
  return text.replace(BIDI, shown);
}

// What JSON.stringify leaves raw that a terminal may obey: DEL, C1 controls, bidi controls.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text for a terminal: JSON.stringify already writes C0 controls as `\u001b`; the rest
 * become `\u009b` escapes too, which JSON reads back as the same data (lossless).
 */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
