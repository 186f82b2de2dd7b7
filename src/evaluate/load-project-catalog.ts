// The bundled catalog with its evaluators and collectors, checked against each other at load.
import { fileURLToPath } from 'node:url';
import { loadCollectors } from '../collect/collector-registry.ts';
import type { Collector } from '../collect/collector.ts';
import { loadRules } from './rule-registry.ts';
import type { Rule } from './rule.ts';
import { loadCatalog, type Catalog } from '../catalog/load-catalog.ts';

export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../controls/', import.meta.url));

export interface ProjectCatalog {
  catalog: Catalog;
  rules: Map<string, Rule>;
  collectors: Collector[];
}

/** Each rule's declared evidence keys, by control id: the catalog's one source for them. */
export function ruleEvidence(rules: ReadonlyMap<string, Rule>): Map<string, readonly string[]> {
  return new Map([...rules].map(([id, rule]) => [id, rule.evidence]));
}

export async function loadProjectCatalog(dir: string = BUNDLED_CATALOG_DIR): Promise<ProjectCatalog> {
  const [rules, collectors] = await Promise.all([loadRules(), loadCollectors()]);
  const catalog = await loadCatalog(dir, { ruleEvidence: ruleEvidence(rules), producibleKeys: collectors.flatMap((c) => c.produces) });
  return { catalog, rules, collectors };
}
