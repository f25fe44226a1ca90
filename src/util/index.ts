/** util/: small helpers every layer may use: XDG folders, atomic private writes, "did you mean". */
export { writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';
export { whatIsAt } from './file-kind.js';
export { closest, didYouMean } from './suggest.js';
export { type CmlshDirs, cmlshDirs } from './xdg.js';
