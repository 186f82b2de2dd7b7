// portal.js ships as written (no build step), so its JSDoc types are checked here with the
// TypeScript compiler against the DOM library and the data's declared shape (templates/portal/).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('portal.js', () => {
  it('type-checks under strict TypeScript (checkJs)', () => {
    const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'templates/portal'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });
});
