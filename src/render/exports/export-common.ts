// What the ASFF and OCSF exports share: the controls by id, requirement citations, field limits.
import type { FrameworkId } from '../../catalog/catalog-schema.ts';
import type { ControlEntry, ResultFinding, RunResults } from '../../results/run-results.ts';
import { FRAMEWORK_SHORT } from '../view-model/labels.ts';

export function exportedControls(results: Pick<RunResults, 'controls'>): ReadonlyMap<string, ControlEntry> {
  return new Map(results.controls.map((c) => [c.id, c]));
}

/** The finding's control; a finding of a control results.json does not list is a broken results file, not a skip. */
export function controlOf(controls: ReadonlyMap<string, ControlEntry>, f: ResultFinding): ControlEntry {
  const control = controls.get(f.controlId);
  if (!control) throw new Error(`results: finding ${f.id} names control ${f.controlId}, which the results do not list`);
  return control;
}

/** The run's frameworks the control maps to, in the run's order. */
export function frameworksOf(control: ControlEntry, frameworks: readonly FrameworkId[]): FrameworkId[] {
  return frameworks.filter((fw) => control.mappings.some((m) => m.framework === fw));
}

/** "HIPAA 164.312(a)(1)" citations of the control's mappings in the run's frameworks, primary mappings first. */
export function controlRequirementRefs(control: ControlEntry, frameworks: readonly FrameworkId[]): string[] {
  return control.mappings
    .filter((m) => frameworks.includes(m.framework))
    .sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'primary' ? -1 : 1))
    .map((m) => `${FRAMEWORK_SHORT[m.framework]} ${m.requirement}`);
}

/** At most `max` characters, an ellipsis marking the cut (export formats have hard field limits). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
