import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CmlUsageError, describeError } from '../errors/index.js';
import type { Operation, Param } from '../spec/index.js';

/** A file ready for a multipart form: its bytes and the name it travels under. */
export interface FormFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/**
 * Accepts what a user naturally has for a file: a local path, bytes (Buffer/Uint8Array),
 * a Blob, or `{ data, name }`. @throws CmlUsageError when unreadable or of another kind.
 */
export async function toFormFile(op: Operation, param: Param, value: unknown): Promise<FormFile> {
  if (typeof value === 'string') return { blob: await diskBlob(op, param, value), fileName: basename(value) };
  if (value instanceof Uint8Array)
    return { blob: new Blob([Uint8Array.from(value)]), fileName: param.wireName };
  if (value instanceof Blob)
    return { blob: value, fileName: (value as { name?: string }).name ?? param.wireName };
  if (value && typeof value === 'object' && 'data' in value) {
    const { data, name } = value as { data: unknown; name?: unknown };
    const inner = await toFormFile(op, param, data);
    return typeof name === 'string' ? { blob: inner.blob, fileName: name } : inner;
  }
  throw new CmlUsageError(
    `${op.name}: ${param.name} must be a local file path, bytes (Buffer/Uint8Array), a Blob or { data, name }`,
  );
}

/**
 * A Blob backed by the file on disk, read when the request is sent (and again on a retry)
 * rather than copied up front. Only regular files: a device or FIFO has no end.
 */
async function diskBlob(op: Operation, param: Param, path: string): Promise<Blob> {
  const cannot = (why: string) =>
    new CmlUsageError(`${op.name}: cannot read ${param.name} "${path}": ${why}`);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw cannot(describeError(error));
  }
  if (!info.isFile()) throw cannot('not a regular file (a device, FIFO or folder cannot be uploaded)');
  try {
    return await openAsBlob(path);
  } catch (error) {
    throw cannot(describeError(error));
  }
}
