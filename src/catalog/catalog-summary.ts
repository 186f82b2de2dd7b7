// The catalog as `proofline catalog --json` shows it: coverage per framework and traceability of practices.
import { COVERAGES, FRAMEWORK_IDS } from './catalog-schema.ts';
import type { Catalog } from './load-catalog.ts';
import { crosswalk } from './crosswalk.ts';

export function catalogSummary(catalog: Catalog) {
  const automated = catalog.controls.filter((c) => c.automation === 'automated').length;
  return {
    digest: catalog.digest,
    /** Traceability gaps (practices without a control, automated requirements without one). */
    warnings: catalog.warnings,
    counts: { controls: catalog.controls.length, automated, manual: catalog.controls.length - automated, practices: catalog.practices.length },
    frameworks: FRAMEWORK_IDS.map((id) => {
      const fw = catalog.frameworks[id];
      const byCoverage = Object.fromEntries(COVERAGES.map((c) => [c, 0])) as Record<string, number>;
      const controlsByRequirement: Record<string, string[]> = {};
      for (const r of fw.requirements) {
        byCoverage[r.coverage]++;
        controlsByRequirement[r.id] = catalog.controls.filter((c) => c.mappings.some((m) => m.framework === id && m.requirement === r.id)).map((c) => c.id);
      }
      const mappedRequirements = Object.values(controlsByRequirement).filter((v) => v.length > 0).length;
      return { id, name: fw.name, version: fw.version, requirements: fw.requirements.length, byCoverage, mappedRequirements, controlsByRequirement };
    }),
    practices: catalog.practices.map((p) => ({ id: p.id, area: p.area, title: p.title, controls: catalog.controls.filter((c) => c.practices.includes(p.id)).map((c) => c.id) })),
    controls: catalog.controls.map((c) => ({ id: c.id, title: c.title, severity: c.severity, automation: c.automation, services: c.services, practices: c.practices, evidence: c.evidence, mappings: c.mappings })),
    /** Per control, its requirements in every framework side by side (with strength); justifications are under `controls`. */
    crosswalk: crosswalk(catalog.controls),
  };
}
