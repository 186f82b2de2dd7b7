// vitest globalSetup: a folder for fixtures that test files build once per vitest run and share
// (test/helpers/shared-fixture.ts), removed when the run ends. Never kept across runs: a fixture is
// always built by the code under test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where shared fixtures of this vitest run are published. */
    fixturesDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'proofline-test-fixtures-'));
  project.provide('fixturesDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
