import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // The default report, then one line at the end when keychain tests were skipped.
    reporters: ['default', './test/helpers/keychain-skip-reporter.ts'],
    // ink draws only a final frame when it sees CI set (for build logs). In-process ink tests
    // render to fake terminals, so they run without it; the product masks it itself (see
    // src/tui/entry.ts) and the terminal tests run cmlsh with CI=true to prove that.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
