// Stage after results are built: failing findings an exception covers keep status fail and gain an
// `exception` annotation; controls, requirements and the summary count them as accepted risk.
// Expired exceptions annotate their matches as expired and accept nothing.
import type { ExceptionEntry, FindingException, ResultFinding, RunResults } from '../results/run-results.ts';
import type { RiskException } from './exceptions-schema.ts';
import { exceptionMatches, isExceptionExpired, resourcePattern } from './match-exception.ts';

export function applyExceptions(results: RunResults, exceptions: readonly RiskException[], now: Date): RunResults {
  if (exceptions.length === 0) return results;
  const compiled = exceptions.map((e) => ({ e, pattern: resourcePattern(e.resource), expired: isExceptionExpired(e, now), matched: 0 }));
  const findings: ResultFinding[] = results.findings.map((f) => {
    if (f.status !== 'fail') return f;
    const matches = compiled.filter((c) => exceptionMatches(c.e, f, c.pattern));
    for (const m of matches) m.matched++;
    // An active exception wins over an expired one for the same finding.
    const chosen = matches.find((m) => !m.expired) ?? matches[0];
    if (!chosen) return f;
    const { e } = chosen;
    const exception: FindingException = { id: e.id, status: chosen.expired ? 'expired' : 'accepted', approver: e.approver, approvedOn: e.approvedOn, expiresOn: e.expiresOn, justification: e.justification };
    return { ...f, exception };
  });
  const acceptedByControl = new Map<string, number>();
  for (const f of findings) if (f.exception?.status === 'accepted') acceptedByControl.set(f.controlId, (acceptedByControl.get(f.controlId) ?? 0) + 1);
  const controls = results.controls.map((c) => ({ ...c, acceptedRisk: acceptedByControl.get(c.id) ?? 0 }));
  const requirements = { ...results.requirements };
  for (const fw of Object.keys(requirements) as (keyof typeof requirements)[]) {
    requirements[fw] = requirements[fw]?.map((r) => ({ ...r, acceptedRisk: r.controls.reduce((n, c) => n + (acceptedByControl.get(c.id) ?? 0), 0) }));
  }
  const entries: ExceptionEntry[] = compiled.map(({ e, expired, matched }) => ({ ...e, status: expired ? 'expired' : 'active', matchedFindings: matched }));
  const acceptedRisk = [...acceptedByControl.values()].reduce((a, b) => a + b, 0);
  return { ...results, findings, controls, requirements, summary: { ...results.summary, acceptedRisk }, exceptions: entries };
}
