import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/cli/output/format.js';
import { itemWriter } from '../../src/cli/output/item-writer.js';
import { streamSink } from '../../src/cli/output/sink.js';
import { CmlAbortError } from '../../src/errors/index.js';

/** A stream that records each write it is given, and whose buffer fills after `highWaterMark`. */
function recorder(highWaterMark = 1 << 20) {
  const writes: string[] = [];
  let release: (() => void) | undefined;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString());
      // Held until release(): 'drain' only comes when the test says so.
      if (highWaterMark < 1 << 20) release = callback;
      else callback();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, writes, release: () => release?.() };
}

const item = (n: number) => ({ id: `id-${n}`, name: `project number ${n}`, owner: { username: 'ada' } });

describe('streamSink', () => {
  it('gathers items into a few large writes, and writes the rest on flush', async () => {
    const { stream, writes } = recorder();
    const sink = streamSink(stream);
    const lines = Array.from({ length: 3000 }, (_, n) => `${JSON.stringify(item(n))}\n`);
    for (const line of lines) await sink.write(line);
    const before = writes.length;
    await sink.flush();
    expect(writes.length).toBe(before + 1);
    expect(writes.length).toBeLessThanOrEqual(5);
    expect(writes.join('')).toBe(lines.join(''));
    for (const chunk of writes) expect(chunk.endsWith('\n')).toBe(true);
  });

  it('writes nothing until flush for a small output, bytes after what was queued', async () => {
    const { stream, writes } = recorder();
    const sink = streamSink(stream);
    await sink.write('a\n');
    expect(writes).toEqual([]);
    await sink.write(new Uint8Array([98, 10]));
    expect(writes).toEqual(['a\n', 'b\n']);
  });

  it('after the signal fires, drops what is queued and refuses more', async () => {
    const { stream, writes } = recorder();
    const controller = new AbortController();
    const sink = streamSink(stream, controller.signal);
    await sink.write('whole 1\n');
    await sink.flush();
    await sink.write('whole 2\n');
    controller.abort();
    await expect(sink.write('more\n')).rejects.toBeInstanceOf(CmlAbortError);
    await expect(sink.flush()).rejects.toBeInstanceOf(CmlAbortError);
    expect(writes).toEqual(['whole 1\n']);
  });

  it("waits for 'drain' when the stream's buffer is full, and stops waiting on abort", async () => {
    const { stream, release } = recorder(4);
    const controller = new AbortController();
    const sink = streamSink(stream, controller.signal);
    await sink.write('x'.repeat(10));
    let flushed = false;
    const flushing = sink.flush().then(() => {
      flushed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flushed).toBe(false);
    release();
    await flushing;
    await sink.write('y'.repeat(10));
    const blocked = sink.flush();
    controller.abort();
    await expect(blocked).rejects.toThrow();
  });
});

describe('item writers over the sink', () => {
  it('end() flushes: a json array across pages is whole and valid', async () => {
    const { stream, writes } = recorder();
    const writer = await itemWriter('json', streamSink(stream));
    await writer.writeItems([item(0), item(1)]);
    await writer.writeItems([]);
    await writer.writeItems([item(2), item(3), item(4)]);
    expect(writer.written).toBe(5);
    await writer.end();
    expect(JSON.parse(writes.join(''))).toEqual(Array.from({ length: 5 }, (_, n) => item(n)));
  });

  it('writes each format the same whether items come a page at a time or one by one', async () => {
    const items = [item(0), { id: 'x', nested: { a: [1, 2] }, note: 'a,"b"' }, item(2)];
    for (const format of ['json', 'jsonl', 'csv', 'yaml', 'table'] as const) {
      const byPage = recorder();
      const pageWriter = await itemWriter(format, streamSink(byPage.stream));
      await pageWriter.writeItems(items);
      await pageWriter.end();
      const oneByOne = recorder();
      const itemWriterOne = await itemWriter(format, streamSink(oneByOne.stream));
      for (const one of items) await itemWriterOne.writeItems([one]);
      await itemWriterOne.end();
      expect([format, byPage.writes.join('')]).toEqual([format, oneByOne.writes.join('')]);
      expect(byPage.writes.join('').length).toBeGreaterThan(10);
    }
  });

  it('turns bigints into strings, as the replacer did', () => {
    expect(toJson({ id: 12345678901234567890n, n: 1 })).toBe('{"id":"12345678901234567890","n":1}');
    expect(toJson(undefined)).toBe('null');
    expect(toJson({ a: [1] }, 2)).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
