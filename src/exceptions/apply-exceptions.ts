// Stage after evaluation: failing findings an exception covers keep status fail and gain an
// `exception` annotation; controls, requirements and the summary count them as accepted risk.
// Expired exceptions annotate their matches as expired and accept nothing. A run annotates its
// findings account by account as they are evaluated (ExceptionMatcher), then settles the counts once.
import type { ExceptionEntry, FindingException, IterableResults, ResultFinding, RunResults } from '../results/run-results.ts';
import type { RiskException } from './exceptions-schema.ts';
import { exceptionMatches, isExceptionExpired, resourcePattern } from './match-exception.ts';

export class ExceptionMatcher {
  private readonly compiled;
  private readonly acceptedByControl = new Map<string, number>();

  constructor(exceptions: readonly RiskException[], now: Date) {
    this.compiled = exceptions.map((e) => ({ e, pattern: resourcePattern(e.resource), expired: isExceptionExpired(e, now), matched: 0 }));
  }

  /** The finding, annotated with the exception that covers it (a new object), or itself. */
  annotate(f: ResultFinding): ResultFinding {
    if (f.status !== 'fail' || this.compiled.length === 0) return f;
    const matches = this.compiled.filter((c) => exceptionMatches(c.e, f, c.pattern));
    for (const m of matches) m.matched++;
    // An active exception wins over an expired one for the same finding.
    const chosen = matches.find((m) => !m.expired) ?? matches[0];
    if (!chosen) return f;
    const { e } = chosen;
    const exception: FindingException = { id: e.id, status: chosen.expired ? 'expired' : 'accepted', approver: e.approver, approvedOn: e.approvedOn, expiresOn: e.expiresOn, justification: e.justification };
    if (exception.status === 'accepted') this.acceptedByControl.set(f.controlId, (this.acceptedByControl.get(f.controlId) ?? 0) + 1);
    return { ...f, exception };
  }

  /** The results' head with the accepted risk of every finding annotated so far (none without exceptions). */
  settle<R extends Omit<IterableResults, 'findings' | 'evidence'>>(results: R): R {
    if (this.compiled.length === 0) return results;
    const accepted = this.acceptedByControl;
    const controls = results.controls.map((c) => ({ ...c, acceptedRisk: accepted.get(c.id) ?? 0 }));
    const requirements = { ...results.requirements };
    for (const fw of Object.keys(requirements) as (keyof typeof requirements)[]) {
      requirements[fw] = requirements[fw]?.map((r) => ({ ...r, acceptedRisk: r.controls.reduce((n, c) => n + (accepted.get(c.id) ?? 0), 0) }));
    }
    const entries: ExceptionEntry[] = this.compiled.map(({ e, expired, matched }) => ({ ...e, status: expired ? 'expired' : 'active', matchedFindings: matched }));
    const acceptedRisk = [...accepted.values()].reduce((a, b) => a + b, 0);
    return { ...results, controls, requirements, summary: { ...results.summary, acceptedRisk }, exceptions: entries };
  }
}

export function applyExceptions(results: RunResults, exceptions: readonly RiskException[], now: Date): RunResults {
  if (exceptions.length === 0) return results;
  const matcher = new ExceptionMatcher(exceptions, now);
  const findings = results.findings.map((f) => matcher.annotate(f));
  return { ...matcher.settle(results), findings };
}
