import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/emulator/index.js';
import { realSpecDocument } from '../helpers/real-spec.js';

/** An answer read in full: status, headers and the body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  body: any;
  text: string;
}

/** Starts an emulator of the real spec (small seed unless told) for one test file. */
export function startReal(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ document: realSpecDocument(), seedProjects: 24, ...options });
}

/** Calls the emulator over loopback HTTP with the demo key unless another is given. */
export async function call(
  emu: Emulator,
  method: string,
  path: string,
  init: { body?: unknown; form?: FormData; token?: string | null; query?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? 'demo-token'}`;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
  const res = await fetch(`${emu.url}${path}${query}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}
