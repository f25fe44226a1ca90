/**
 * Entry point of the `cmlsh` executable. Startup time is a feature: `--version`, the plain
 * shell, `call` and `browse` with simple flags skip yargs; everything heavy is imported on demand.
 */
import { parseBrowseFast, parseCallFast, parseShellFast } from './fast-path.js';
import { guardStdout } from './output/stdout-guard.js';
import { VERSION } from './version.js';

/** Called by bin/cmlsh through dist/load.cjs (src/cli/script-loader.ts) with the words after `cmlsh`. */
export async function main(argv: string[]): Promise<void> {
  // On Linux this rewrites the memory `ps` and /proc/PID/cmdline read argv from: a key given
  // with --token is then no longer visible to other users of the machine.
  if (argv.some((arg) => arg === '--token' || arg.startsWith('--token='))) process.title = 'cmlsh';
  // `cmlsh ... | head` closes the pipe early; a full disk fails a write: neither is a stack trace.
  guardStdout();
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  // What the script of `cmlsh completion` asks on Tab: answered without yargs' parse.
  if (argv[0] === '--get-yargs-completions') {
    const [{ completeWords }, { operationNames, offlineOperation }] = await Promise.all([
      import('./complete.js'),
      import('./operation-names.js'),
    ]);
    const candidates = await completeWords(argv.slice(1), operationNames, offlineOperation);
    process.stdout.write(candidates.map((candidate) => `${candidate}\n`).join(''));
    return;
  }
  const fast = parseShellFast(argv);
  if (fast) {
    const { runShell, reportError } = await import('./workspace.js');
    try {
      await runShell(fast);
    } catch (error) {
      reportError(error, { json: fast.json ?? false, verbose: fast.verbose ?? false });
    }
    return;
  }
  // The words after the script are its own: no parser of ours may read them as flags.
  if (argv[0] === 'run' && argv[1] !== '--help' && argv[1] !== '-h') {
    const { runFileCommand } = await import('./workspace.js');
    await runFileCommand(argv.slice(1));
    return;
  }
  const call = parseCallFast(argv);
  if (call) {
    const { runCallCommand } = await import('./workspace.js');
    await runCallCommand(call);
    return;
  }
  const browse = parseBrowseFast(argv);
  if (browse) {
    const { runBrowseCommand } = await import('./workspace.js');
    await runBrowseCommand(browse);
    return;
  }
  const { runCli } = await import('./cli.js');
  await runCli(argv);
}
