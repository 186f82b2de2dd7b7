// The layer check (.dependency-cruiser.cjs) passes on the tree and fails on a backwards import, a rule
// that imports a collector, and a src/ folder without a layer (`npm run layers` also runs on the tree in CI).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface CruiseOutcome { code: number; violations: { rule: string; from: string; to: string }[] }

/** Runs the check exactly as `npm run layers` does (its plain-text report and exit code) in `cwd`. */
async function cruise(cwd: string): Promise<CruiseOutcome> {
  const args = [DEPCRUISE, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs')];
  const run = promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  const { stdout, code } = await run.then((r) => ({ stdout: r.stdout, code: 0 }), (e: { stdout: string; code: number }) => ({ stdout: e.stdout, code: e.code }));
  const violations = [...stdout.matchAll(/^\s*error (\S+): (\S+) → (\S+)$/gm)].map(([, rule, from, to]) => ({ rule: rule!, from: from!, to: to! }));
  return { code, violations };
}

describe('layer check', () => {
  const temps: string[] = [];
  afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

  // One run over a copy of the tree (depcruise takes seconds): exactly the three planted imports fail, so
  // the rest of the tree, which is the tree as it is, passes.
  it('passes on the tree and fails on an added backwards import, a rule importing a collector and a folder with no layer', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'proofline-layers-'));
    temps.push(copy);
    await cp(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    await cp(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
    await writeFile(join(copy, 'src/catalog/zz-backwards.ts'), "import { renderPdf } from '../render/pdf/render-pdf.ts';\nexport const backwards = renderPdf;\n");
    await writeFile(join(copy, 'src/evaluate/rules/zz-reads-a-collector.ts'), "import { collectors } from '../../collect/services/acm.ts';\nexport const reads = collectors;\n");
    await mkdir(join(copy, 'src/zz-unplaced'));
    await writeFile(join(copy, 'src/zz-unplaced/thing.ts'), "import { sha256Hex } from '../util/sha256.ts';\nexport const thing = sha256Hex;\n");

    const outcome = await cruise(copy);
    expect(outcome.code).not.toBe(0);
    expect(outcome.violations.sort((a, b) => a.from.localeCompare(b.from))).toEqual([
      { rule: 'layer-catalog', from: 'src/catalog/zz-backwards.ts', to: 'src/render/pdf/render-pdf.ts' },
      { rule: 'no-rule-imports-a-collector', from: 'src/evaluate/rules/zz-reads-a-collector.ts', to: 'src/collect/services/acm.ts' },
      { rule: 'src-folder-has-a-layer', from: 'src/zz-unplaced/thing.ts', to: 'src/util/sha256.ts' },
    ]);
  });
});
