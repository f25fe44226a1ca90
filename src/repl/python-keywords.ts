/**
 * Finds a Python keyword call typed as is, `api.list_projects(page_size=2)`: in JavaScript
 * `page_size=2` assigns a global and passes 2 positionally, so the line would run, wrongly,
 * and leave a stray global. A small scanner (strings and brackets), never an evaluation.
 */

const CALL = /\b(?:api|cmlapi)\s*\.\s*[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*\s*\(/g;
const KEYWORD = /^\s*([A-Za-z_$][\w$]*)\s*=(?![=>])\s*([\s\S]*)$/;

/** The line with each such call written the cmlsh way, or undefined when there is none. */
export function pythonKeywordFix(code: string): string | undefined {
  let fixed = '';
  let from = 0;
  let found = false;
  for (const match of code.matchAll(CALL)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    if (open < from || insideString(code, open)) continue;
    const close = matchingParen(code, open);
    if (close < 0) return undefined;
    const args = splitArguments(code.slice(open + 1, close));
    const keywords = args.map((arg) => KEYWORD.exec(arg)).filter((m) => m !== null);
    if (!keywords.length) continue;
    found = true;
    const positional = args.filter((arg) => !KEYWORD.test(arg)).map((arg) => arg.trim());
    const object = `{ ${keywords.map((m) => `${m[1]}: ${pythonLiterals((m[2] ?? '').trim())}`).join(', ')} }`;
    fixed += `${code.slice(from, open + 1)}${[...positional, object].join(', ')})`;
    from = close + 1;
  }
  return found ? `${fixed}${code.slice(from)}`.trim() : undefined;
}

/** True/False/None outside strings become true/false/null. */
function pythonLiterals(value: string): string {
  let out = '';
  let quote = '';
  let word = '';
  const flush = () => {
    out += word === 'True' ? 'true' : word === 'False' ? 'false' : word === 'None' ? 'null' : word;
    word = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (quote) {
      out += c;
      if (c === '\\') out += value[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (/[\w$]/.test(c)) word += c;
    else {
      flush();
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
    }
  }
  flush();
  return out;
}

/**
 * Calls `visit` with each character of `text` from `start` that is not inside a string
 * literal (quotes themselves included); `visit` returns true to stop. Returns where it stopped.
 */
function eachCodeChar(text: string, start: number, visit: (c: string, i: number) => boolean): number {
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (visit(c, i)) return i;
  }
  return -1;
}

function insideString(code: string, at: number): boolean {
  return eachCodeChar(code, 0, (_c, i) => i === at) !== at;
}

function matchingParen(code: string, open: number): number {
  let depth = 0;
  let closer = '';
  const at = eachCodeChar(code, open, (c) => {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      closer = c;
      return depth === 0;
    }
    return false;
  });
  return at >= 0 && closer === ')' ? at : -1;
}

/** The top-level arguments of a call's text, split at its own commas. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  eachCodeChar(text, 0, (c, i) => {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  if (text.slice(start).trim()) args.push(text.slice(start));
  return args;
}

/** The one-line hint for such a line. */
export function pythonKeywordHint(fixed: string): string {
  return `Python keyword arguments (name=value) are assignments in JavaScript; give them as one object: ${fixed}`;
}
