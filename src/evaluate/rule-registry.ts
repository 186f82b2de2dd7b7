// Rules live one a file in src/evaluate/rules/<control-id>.ts and export `rule`.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from './rule.ts';

const RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));

let loaded: Promise<Map<string, Rule>> | undefined;

export function loadRules(): Promise<Map<string, Rule>> {
  loaded ??= (async () => {
    const files = (await readdir(RULES_DIR)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    const rules = new Map<string, Rule>();
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as { rule?: Rule };
      const id = file.replace(/\.(ts|js)$/, '');
      if (!mod.rule || typeof mod.rule.evaluate !== 'function') throw new Error(`src/evaluate/rules/${file}: must export "rule" with an evaluate function`);
      if (mod.rule.controlId !== id) throw new Error(`src/evaluate/rules/${file}: controlId "${mod.rule.controlId}" must equal the file name "${id}"`);
      rules.set(id, mod.rule);
    }
    return rules;
  })();
  return loaded;
}
