// The PBC (provided-by-client) list: what the organization must supply for the report to conclude on
// a requirement. A manual requirement needs attested evidence; an inherited one needs the provider
// documents it relies on that are not attached. Owner / Due date come from the previous tracker.
import type { TeamValues } from '../tracker/team-columns.ts';
import { FRAMEWORK_SHORT } from './labels.ts';
import type { FrameworkView, PbcItemView, RequirementView } from './view-model.ts';

const ATTESTED = 'Attested evidence (policy, procedure or record, signed and dated by its owner) with its renewal date.';

function supply(r: RequirementView): string | undefined {
  if (r.status === 'manual') return `${ATTESTED} ${r.reason}`.trim();
  if (r.status !== 'inherited_no_evidence') return undefined;
  const missing = (r.providerEvidence ?? []).filter((p) => !p.attached).map((p) => p.name);
  return `The provider documents this inheritance relies on: ${missing.join(', ') || 'none named'} (current copies, e.g. from AWS Artifact), attested, with their renewal date.`;
}

export function pbcId(framework: string, requirement: string): string {
  return `${framework}:${requirement}`;
}

export function pbcItems(frameworks: readonly FrameworkView[], carried: ReadonlyMap<string, TeamValues>): PbcItemView[] {
  const items: PbcItemView[] = [];
  for (const fw of frameworks) {
    for (const r of fw.requirements) {
      const what = supply(r);
      if (!what) continue;
      const id = pbcId(fw.id, r.id);
      items.push({ id, framework: fw.id, requirement: `${FRAMEWORK_SHORT[fw.id]} ${r.id}`, title: r.title, supply: what, team: carried.get(id) ?? {} });
    }
  }
  return items;
}
