// Every collector lives in src/collect/services/<service>.ts and exports `collectors`.
// Loading by folder keeps one file per service and no central list to edit.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Collector } from './collector.ts';
import type { EvidenceKey } from './evidence-record.ts';

const SERVICES_DIR = fileURLToPath(new URL('./services/', import.meta.url));

let loaded: Promise<Collector[]> | undefined;

export function loadCollectors(): Promise<Collector[]> {
  loaded ??= (async () => {
    const files = (await readdir(SERVICES_DIR)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    const all: Collector[] = [];
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(SERVICES_DIR, file)).href)) as { collectors?: Collector[] };
      if (!Array.isArray(mod.collectors)) throw new Error(`src/collect/services/${file}: must export "collectors" (an array)`);
      all.push(...mod.collectors);
    }
    const names = new Set<string>();
    const producers = new Map<EvidenceKey, string>();
    for (const c of all) {
      if (names.has(c.name)) throw new Error(`collector name "${c.name}" is defined twice`);
      names.add(c.name);
      for (const key of c.produces) {
        const other = producers.get(key);
        if (other) throw new Error(`evidence key "${key}" is produced by both "${other}" and "${c.name}"`);
        producers.set(key, c.name);
      }
    }
    return all;
  })();
  return loaded;
}

/** The collectors needed for a set of evidence keys, and the keys no collector produces. */
export function selectCollectors(all: Collector[], keys: Iterable<EvidenceKey>): { selected: Collector[]; unproduced: EvidenceKey[] } {
  const wanted = new Set(keys);
  const selected = all.filter((c) => c.produces.some((k) => wanted.has(k)));
  const produced = new Set<EvidenceKey>(selected.flatMap((c) => c.produces));
  return { selected, unproduced: [...wanted].filter((k) => !produced.has(k)).sort() };
}
