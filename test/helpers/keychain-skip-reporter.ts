import type { Reporter, TestModule } from 'vitest/node';

/** What a keychain test's suite is called: the tests this reporter counts when skipped. */
export const KEYCHAIN_SUITE = 'with the real keychain';

/** How to run them: a private D-Bus session with an unlocked gnome-keyring, as .ci/run does. */
const HOW =
  "dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run test/auth'";

/**
 * Says at the very end of a run, in one line, how many keychain tests were skipped (no
 * D-Bus session, so no Secret Service) and how to run them: otherwise a green `npm test`
 * hides that login was never tried against a real keychain.
 */
export default class KeychainSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped'))
        if (test.fullName.includes(KEYCHAIN_SUITE)) skipped++;
    }
    if (skipped === 0) return;
    process.stdout.write(
      `\n${skipped} keychain test${skipped === 1 ? ' was' : 's were'} skipped: no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset). Run them with: ${HOW}\n`,
    );
  }
}
