// The catalog the benchmark evaluates with. While colleagues add rules ahead of their control files,
// the project catalog refuses to load ("evaluator has no automated control"); the benchmark then
// drops only those rules (they could not run in a real run either) and says so, rather than stopping.
//
// The stages evaluate recorded evidence and render it: they need the catalog and the rules, not the
// collectors. Loading the collector registry imports every AWS SDK client (~60 MB of RSS that would sit
// under every stage's peak), so the catalog is loaded without the cross-check of evidence keys against
// collectors; the catalog tests (and `proofline run`, which loads collectors anyway) check that.
import { fileURLToPath } from 'node:url';
import { CatalogError } from '../../src/catalog/catalog-error.ts';
import { loadCatalog, type Catalog } from '../../src/catalog/load-catalog.ts';
import { ruleEvidence } from '../../src/evaluate/load-project-catalog.ts';
import { loadRules } from '../../src/evaluate/rule-registry.ts';
import type { Rule } from '../../src/evaluate/rule.ts';

// As src/evaluate/load-project-catalog.ts, whose module imports the collector registry.
const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../controls/', import.meta.url));

export async function benchCatalog(): Promise<{ catalog: Catalog; rules: Map<string, Rule>; note?: string }> {
  const allRules = await loadRules();
  try {
    return { catalog: await loadCatalog(BUNDLED_CATALOG_DIR, { ruleEvidence: ruleEvidence(allRules) }), rules: allRules };
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    const orphan = /^evaluator "(.+)" has no automated control in the catalog$/;
    const dropped = err.problems.map((p) => orphan.exec(p.message)?.[1]);
    if (dropped.some((d) => !d)) throw err;
    const rules = new Map([...allRules].filter(([id]) => !dropped.includes(id)));
    const catalog = await loadCatalog(BUNDLED_CATALOG_DIR, { ruleEvidence: ruleEvidence(rules) });
    return { catalog, rules, note: `${dropped.length} rules have no control file yet and were left out` };
  }
}
