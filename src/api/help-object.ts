const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Text that prints as itself in the REPL (a plain string would print quoted, with \n escapes). */
export class HelpText {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }

  [INSPECT](): string {
    return this.text;
  }
}
