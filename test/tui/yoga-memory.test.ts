import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the build's own plugin, plain JavaScript
import { smallerFirstMemory } from '../../scripts/sync-yoga.mjs';

const YOGA = fileURLToPath(new URL('../../node_modules/yoga-layout/dist', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/chunks', import.meta.url));
const PAGE = 64 * 1024;

interface YogaNode {
  setHeight(height: number): void;
  insertChild(child: YogaNode, index: number): void;
  calculateLayout(width?: number, height?: number): void;
  getComputedTop(): number;
  getComputedHeight(): number;
}
interface Yoga {
  Node: { create(): YogaNode };
}

/** yoga-layout's own loader and wrapper, given the wasm as the build rewrites it. */
async function loadRewrittenYoga(): Promise<{ yoga: Yoga; memory: () => WebAssembly.Memory }> {
  const loader = readFileSync(join(YOGA, 'binaries/yoga-wasm-base64-esm.js'), 'utf8');
  const base64 = /base64,([A-Za-z0-9+/=]+)/.exec(loader)?.[1] ?? '';
  const wasm = Buffer.from(smallerFirstMemory(base64, 'yoga') as string, 'base64');
  const { default: loadYoga } = (await import(join(YOGA, 'binaries/yoga-wasm-base64-esm.js'))) as {
    default: (module: object) => Promise<object>;
  };
  const { default: wrapAssembly } = (await import(join(YOGA, 'src/wrapAssembly.js'))) as {
    default: (module: object) => Yoga;
  };
  let exports: Record<string, unknown> = {};
  const module = await loadYoga({
    instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), imports);
      exports = instance.exports as Record<string, unknown>;
      receive(instance);
      return instance.exports;
    },
  });
  const memory = () =>
    Object.values(exports).find((value) => value instanceof WebAssembly.Memory) as WebAssembly.Memory;
  return { yoga: wrapAssembly(module), memory };
}

describe("yoga's memory, as the build declares it", () => {
  it('starts at 1 MiB instead of 16 and grows when a layout needs more, laying out as before', async () => {
    const { yoga, memory } = await loadRewrittenYoga();
    expect(memory().buffer.byteLength).toBe(16 * PAGE);
    // 20,000 rows of a column: far more than 1 MiB of yoga nodes.
    const root = yoga.Node.create();
    const rows: YogaNode[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = yoga.Node.create();
      row.setHeight(1 + (i % 3));
      root.insertChild(row, i);
      rows.push(row);
    }
    root.calculateLayout(80, undefined);
    expect(memory().buffer.byteLength).toBeGreaterThan(16 * PAGE);
    let top = 0;
    for (const [i, row] of rows.entries()) {
      expect(row.getComputedTop()).toBe(top);
      top += 1 + (i % 3);
    }
    expect(root.getComputedHeight()).toBe(top);
  });

  it('is what the shipped browser starts with', () => {
    const chunk = readdirSync(DIST).find((name) => /^browse-.*\.js$/.test(name));
    expect(chunk).toBeDefined();
    // The first memory a wasm instance exports while the browser loads is yoga's.
    const script = `
      const Instance = WebAssembly.Instance;
      let pages;
      WebAssembly.Instance = function (module, imports) {
        const instance = new Instance(module, imports);
        const memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
        pages ??= memory && memory.buffer.byteLength / ${PAGE};
        return instance;
      };
      await import(${JSON.stringify(join(DIST, chunk ?? ''))});
      process.stdout.write(String(pages));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out).toBe('16');
  });
});
