// Benchmark children run compiled, without tsx: through tsx the product's modules cost about 50 MB more
// resident memory (its transpiler and the transpiled code, in a loader thread), which the `proofline`
// command, run from dist/, does not carry; the memory targets are about the product. dist/ is built
// first (npm run build); each benchmark file is transpiled on its own (TypeScript's transpileModule, no
// type check: `npm run typecheck` checks bench/) into .bench-build/, one folder below the repository
// like bench/, so paths such as ../../controls/ still resolve. product-hooks.mjs sends imports of src/
// to dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILD_DIR = join(ROOT, '.bench-build');

export function compileBench(): void {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const bench = join(ROOT, 'bench');
  const files = readdirSync(bench, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts') && !relative(bench, e.parentPath).startsWith('.data'));
  for (const f of files) {
    const source = join(f.parentPath, f.name);
    const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
      fileName: source,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, verbatimModuleSyntax: false },
    });
    const out = join(BUILD_DIR, relative(bench, source)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
}

/** Node's arguments that run benchmark part `script` (bench/<...>.ts) compiled. */
export function compiledArgs(script: string): string[] {
  return ['--import', './bench/compiled/register.mjs', join('.bench-build', relative('bench', script)).replace(/\.ts$/, '.js')];
}
