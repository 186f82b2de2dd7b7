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

export async function loadProjectCatalog(dir: string = BUNDLED_CATALOG_DIR): Promise<ProjectCatalog> {
  const [rules, collectors] = await Promise.all([loadRules(), loadCollectors()]);
  const catalog = await loadCatalog(dir, { ruleIds: rules.keys(), producibleKeys: collectors.flatMap((c) => c.produces) });
  return { catalog, rules, collectors };
}
