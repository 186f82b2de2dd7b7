// Assembles the sample account's simulated AWS from every scenario file in this folder
// (each exports register(sim)). One file per service keeps the scenario easy to extend.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SimulatedAws } from '../../src/collect/simulated-aws.ts';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const NOT_SERVICES = new Set(['index.ts', 'account.ts']);

export async function buildSampleAws(): Promise<SimulatedAws> {
  const sim = new SimulatedAws();
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.ts') && !NOT_SERVICES.has(f)).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(DIR, f)).href)) as { register?: (s: SimulatedAws) => void };
    if (typeof mod.register !== 'function') throw new Error(`samples/scenario/${f}: must export register(sim)`);
    mod.register(sim);
  }
  return sim;
}
