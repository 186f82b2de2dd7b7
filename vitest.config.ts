import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // One worker per core (at least two): much of the suite waits on child processes (CLIs, workers,
    // PostgreSQL, Chromium, openssl, pdfsig), and vitest's default leaves a core idle, which on a 2-core
    // machine means running serially. Test files share nothing they change: each has its own temp
    // folders and PostgreSQL database; PROOFLINE_HOME's keys are created atomically (link, rename);
    // shared fixtures are copied before use. (Two workers once failed verify.test.ts's setup with "no start
    // line": a certificate serial with a leading zero byte, 1 in 256, fixed in self-signed-certificate.ts.)
    maxWorkers: Math.max(2, availableParallelism()),
    // PROOFLINE_HOME: installation keys (redaction, development signer) made by tests stay out of the user's home.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PROOFLINE_HOME: join(tmpdir(), 'proofline-test-home') },
    hookTimeout: 120_000,
    // A throwaway PostgreSQL for the queue, history and scheduler tests when PROOFLINE_TEST_PG_URL is not set;
    // the folder of fixtures built once per run and shared by test files (the sample package).
    globalSetup: ['test/helpers/postgres-global-setup.ts', 'test/helpers/fixtures-global-setup.ts'],
  },
});
