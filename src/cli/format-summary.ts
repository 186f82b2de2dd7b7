// The short human summary printed after a run.
import { FRAMEWORK_IDS } from '../catalog/catalog-schema.ts';
import type { IterableResults } from '../results/run-results.ts';

/** `outputLabel` names what was written: a whole package, or results.json alone (`--only results`). */
export function formatRunSummary(results: Pick<IterableResults, 'run' | 'summary'>, packagePath: string, outputLabel = 'Package'): string {
  const s = results.summary;
  const lines = [
    `Proofline run ${results.run.id}`,
    `  scope:     ${results.run.scope.accounts.length} account(s) x ${results.run.scope.regions.length} region(s) [${results.run.source.kind}${results.run.source.location ? `: ${results.run.source.location}` : ''}]`,
    `  evidence:  ${s.evidence.records} records (${s.evidence.ok} ok, ${s.evidence.notConfigured} not configured, ${s.evidence.errors} errors)`,
    `  findings:  ${s.findings.pass} pass, ${s.findings.fail} fail, ${s.findings.unknown} unknown, ${s.findings.not_applicable} not applicable`,
    `  controls:  ${s.controls.pass} pass, ${s.controls.fail} fail, ${s.controls.unknown} unknown, ${s.controls.not_applicable} n/a, ${s.controls.manual} manual, ${s.controls.attested} attested, ${s.controls.expired} expired`,
  ];
  const v = results.run.source.verification;
  if (v) lines.push(v.status === 'verified' ? `  source:    verified (${v.package ? `package ${v.package}` : v.detail})` : `  source:    UNVERIFIED: ${v.detail}`);
  // Ids padded to the longest reported one (6 for the default frameworks).
  const width = Math.max(6, ...results.run.frameworks.map((fw) => fw.length));
  for (const fw of FRAMEWORK_IDS) {
    const r = s.requirements[fw];
    if (!results.run.frameworks.includes(fw) || !r) continue;
    lines.push(`  ${fw.padEnd(width)}     ${r.met} met, ${r.not_met} not met, ${r.unknown} unknown, ${r.manual} manual, ${r.inherited} inherited, ${r.inherited_no_evidence} inherited without provider evidence, ${r.not_applicable} n/a, ${r.out_of_scope} out of scope`);
  }
  lines.push(`${outputLabel}: ${packagePath}`, '');
  return lines.join('\n');
}
