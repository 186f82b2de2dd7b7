import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Much of the suite waits (child CLIs, PostgreSQL, Chromium, openssl/pdfsig): one worker per core keeps
    // the cores busy. Vitest's default leaves a core idle, which on a 2-core machine means running serially.
    maxWorkers: Math.max(2, availableParallelism()),
    // PROOFLINE_HOME: installation keys (redaction, development signer) made by tests stay out of the user's home.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PROOFLINE_HOME: join(tmpdir(), 'proofline-test-home') },
    hookTimeout: 120_000,
    // A throwaway PostgreSQL for the queue, history and scheduler tests when PROOFLINE_TEST_PG_URL is not set.
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
  },
});
