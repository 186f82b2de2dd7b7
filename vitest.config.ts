import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // PROOFLINE_HOME: installation keys (redaction, development signer) made by tests stay out of the user's home.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PROOFLINE_HOME: join(tmpdir(), 'proofline-test-home') },
    hookTimeout: 120_000,
    // A throwaway PostgreSQL for the queue, history and scheduler tests when PROOFLINE_TEST_PG_URL is not set;
    // the folder of fixtures built once per run and shared by test files (the sample package).
    globalSetup: ['test/helpers/postgres-global-setup.ts', 'test/helpers/fixtures-global-setup.ts'],
  },
});
