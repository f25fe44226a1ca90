import type { CallAsCode } from '../api/call-as-code.js';

/** The three ways the call is written, in the order the code overlay's tabs show them. */
export const CODE_TABS: readonly { readonly key: keyof CallAsCode; readonly title: string }[] = [
  { key: 'javascript', title: 'JavaScript (cmlsh)' },
  { key: 'curl', title: 'curl' },
  { key: 'python', title: 'Python (cmlapi)' },
];
