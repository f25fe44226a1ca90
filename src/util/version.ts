import pkg from '../../package.json' with { type: 'json' };

/** cmlsh's version, inlined into the bundle so `--version` reads no file. */
export const VERSION: string = pkg.version;
