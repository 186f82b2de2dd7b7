// The catalog the benchmark evaluates with. While colleagues add rules ahead of their control files,
// the project catalog refuses to load ("evaluator has no automated control"); the benchmark then
// drops only those rules (they could not run in a real run either) and says so, rather than stopping.
import { BUNDLED_CATALOG_DIR, loadProjectCatalog, type ProjectCatalog } from '../../src/catalog/load-project-catalog.ts';
import { CatalogError } from '../../src/catalog/catalog-error.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { loadCollectors } from '../../src/collect/collector-registry.ts';
import { loadRules } from '../../src/evaluate/rule-registry.ts';

export async function benchCatalog(): Promise<ProjectCatalog & { note?: string }> {
  try {
    return await loadProjectCatalog();
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    const orphan = /^evaluator "(.+)" has no automated control in the catalog$/;
    const dropped = err.problems.map((p) => orphan.exec(p.message)?.[1]);
    if (dropped.some((d) => !d)) throw err;
    const [allRules, collectors] = await Promise.all([loadRules(), loadCollectors()]);
    const rules = new Map([...allRules].filter(([id]) => !dropped.includes(id)));
    const catalog = await loadCatalog(BUNDLED_CATALOG_DIR, { ruleIds: rules.keys(), producibleKeys: collectors.flatMap((c) => c.produces) });
    return { catalog, rules, collectors, note: `${dropped.length} rules have no control file yet and were left out` };
  }
}
