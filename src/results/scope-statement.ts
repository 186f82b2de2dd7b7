// What the run examined and what it did not: the services and operations whose evidence it holds (the
// collectors that ran), the resource types judged, the services it does not examine and the requirements
// whose conclusions that limits. Printed in the report's "Scope and limitations" and kept in results.json.
import type { Catalog } from '../catalog/load-catalog.ts';
import type { FrameworkId } from '../catalog/catalog-schema.ts';
import { NOT_EXAMINED } from './not-examined.ts';
import type { RunTally } from './run-tally.ts';

export interface ScopeStatement {
  /** One entry per AWS service the run holds evidence from, with the operations called. */
  examined: { service: string; operations: string[] }[];
  /** Resource types the rules judged (from the findings). */
  resourceTypes: string[];
  notExamined: { service: string; resourceTypes: string; limits: { framework: FrameworkId; requirement: string }[] }[];
}

export function buildScopeStatement(catalog: Pick<Catalog, 'controls'>, tally: Pick<RunTally, 'operations' | 'resourceTypes'>, frameworks: readonly FrameworkId[]): ScopeStatement {
  const { operations } = tally;
  const byId = new Map(catalog.controls.map((c) => [c.id, c]));
  return {
    examined: [...operations].sort(([a], [b]) => a.localeCompare(b)).map(([service, ops]) => ({ service, operations: [...ops].sort() })),
    resourceTypes: [...tally.resourceTypes].sort(),
    notExamined: NOT_EXAMINED.map((s) => {
      const limits = new Map<string, { framework: FrameworkId; requirement: string }>();
      for (const id of s.analogues) {
        for (const m of byId.get(id)?.mappings ?? []) if (m.strength === 'primary' && frameworks.includes(m.framework)) limits.set(`${m.framework} ${m.requirement}`, { framework: m.framework, requirement: m.requirement });
      }
      return { service: s.service, resourceTypes: s.resourceTypes, limits: [...limits.values()].sort((a, b) => a.framework.localeCompare(b.framework) || a.requirement.localeCompare(b.requirement, 'en', { numeric: true })) };
    }),
  };
}
