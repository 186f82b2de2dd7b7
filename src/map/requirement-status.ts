// Rolls controls up into a framework requirement's status. Order of precedence: a failure is never
// hidden by a pass (partial), an unknown is never counted as met.
import type { Requirement } from '../catalog/catalog-schema.ts';
import type { ControlStatus } from '../evaluate/control-status.ts';

export type RequirementStatus = 'met' | 'not_met' | 'partial' | 'unknown' | 'not_applicable' | 'manual' | 'inherited' | 'out_of_scope';

export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ['met', 'not_met', 'partial', 'unknown', 'not_applicable', 'manual', 'inherited', 'out_of_scope'];

export function requirementStatus(requirement: Requirement, automatedControlStatuses: readonly ControlStatus[]): { status: RequirementStatus; reason: string } {
  if (requirement.coverage === 'inherited') return { status: 'inherited', reason: requirement.reason ?? 'Inherited from AWS.' };
  if (requirement.coverage === 'out_of_scope') return { status: 'out_of_scope', reason: requirement.reason ?? 'Out of scope.' };
  const statuses = automatedControlStatuses.filter((s) => s !== 'manual');
  if (requirement.coverage === 'manual' && statuses.length === 0) {
    return { status: 'manual', reason: requirement.reason ?? 'Needs attested evidence.' };
  }
  const fail = statuses.filter((s) => s === 'fail').length;
  const pass = statuses.filter((s) => s === 'pass').length;
  const unknown = statuses.filter((s) => s === 'unknown').length;
  if (statuses.length === 0) return { status: 'unknown', reason: 'No automated control is mapped to this requirement.' };
  if (fail > 0 && pass > 0) return { status: 'partial', reason: `${fail} mapped control(s) fail, ${pass} pass.` };
  if (fail > 0) return { status: 'not_met', reason: `${fail} mapped control(s) fail.` };
  if (unknown > 0) return { status: 'unknown', reason: `${unknown} mapped control(s) could not be evaluated.` };
  if (pass === 0) return { status: 'not_applicable', reason: 'No resources in scope for any mapped control.' };
  if (requirement.coverage === 'manual' || requirement.coverage === 'hybrid') return { status: 'manual', reason: `${pass} supporting control(s) pass; attested evidence is still required.` };
  return { status: 'met', reason: `All ${pass} evaluated control(s) pass.` };
}
