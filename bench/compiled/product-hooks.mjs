// Module resolve hook for benchmark children that run compiled (bench/compiled/compile-bench.ts): an
// import of the product's sources (src/**/*.ts, or the .js tsc rewrote it to) is answered by dist/, the
// code the `proofline` command runs; an import between benchmark files by their transpiled .js.
import { URL } from 'node:url';

const ROOT = new URL('../../', import.meta.url).href;
const SRC = `${ROOT}src/`;
const DIST = `${ROOT}dist/`;
const BUILD = `${ROOT}.bench-build/`;

export async function resolve(specifier, context, next) {
  const isPath = specifier.startsWith('.') || specifier.startsWith('file:');
  if (isPath && context.parentURL) {
    const url = new URL(specifier, context.parentURL).href;
    if (url.startsWith(SRC)) return { url: `${DIST}${url.slice(SRC.length).replace(/\.(ts|js)$/, '')}.js`, format: 'module', shortCircuit: true };
    if (url.startsWith(BUILD) && url.endsWith('.ts')) return { url: url.replace(/\.ts$/, '.js'), format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
