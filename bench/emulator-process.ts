/**
 * Runs the emulator in its own process so that it never competes with the process being
 * measured for the same event loop. Prints one JSON line `{url, token}` once listening;
 * exits when its stdin closes (the bench ended, however it ended).
 * Usage: node --import tsx bench/emulator-process.ts <swagger.json> <seedProjects>
 */
import { readFileSync } from 'node:fs';
import { startEmulator } from '../src/emulator/index.js';

const [specPath, seed] = process.argv.slice(2);
if (!specPath) throw new Error('usage: emulator-process.ts <swagger.json> [seedProjects]');
const token = 'bench-token';
const emulator = await startEmulator({
  document: JSON.parse(readFileSync(specPath, 'utf8')),
  tokens: [token],
  seedProjects: Number(seed ?? 240),
  port: 0,
});
process.stdout.write(`${JSON.stringify({ url: emulator.url, token })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0));
});
