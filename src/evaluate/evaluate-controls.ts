// Runs every automated control's rule over the evidence. A rule that throws, returns something
// malformed or returns nothing yields `unknown` findings with the reason: never a pass, never a crash.
import type { Control } from '../catalog/catalog-schema.ts';
import type { EvidenceRecord } from '../collect/evidence-record.ts';
import type { Scope } from '../collect/target.ts';
import { controlStatus, countFindings, type ControlResult } from './control-status.ts';
import { EvidenceView, restrictTo } from './evidence-view.ts';
import type { Finding } from './finding.ts';
import { makeFinding, type Rule, type RuleContext, type RuleParameters } from './rule.ts';

export interface Evaluation {
  findings: Finding[];
  controls: ControlResult[];
}

const FINDING_STATUSES = new Set(['pass', 'fail', 'unknown', 'not_applicable']);

function evaluationFailure(control: Control, scope: Scope, reason: string): Finding[] {
  return scope.accounts.map((account) =>
    makeFinding(control.id, 'unknown', { account, region: '*' }, { type: 'AWS::::Account', id: account }, reason, []),
  );
}

export function evaluateControls(controls: readonly Control[], rules: ReadonlyMap<string, Rule>, records: Iterable<EvidenceRecord>, scope: Scope, params: RuleParameters): Evaluation {
  const evidence = new EvidenceView(records);
  const findings: Finding[] = [];
  const results: ControlResult[] = [];
  for (const control of controls) {
    if (control.automation === 'manual') {
      results.push({ controlId: control.id, status: 'manual', counts: countFindings([]) });
      continue;
    }
    const rule = rules.get(control.id);
    let produced: Finding[];
    if (!rule) {
      produced = evaluationFailure(control, scope, `No evaluator is registered for control "${control.id}".`);
    } else {
      const ctx: RuleContext = {
        control,
        scope,
        params,
        evidence: restrictTo(evidence, rule.evidence, control.id),
        finding: (status, where, resource, reason, recs) => makeFinding(control.id, status, where, resource, reason, recs),
      };
      try {
        produced = rule.evaluate(ctx);
        if (!Array.isArray(produced)) throw new Error('evaluator did not return an array of findings');
        const bad = produced.find((f) => !f || f.controlId !== control.id || !FINDING_STATUSES.has(f.status));
        if (bad) throw new Error('evaluator returned a malformed finding');
        if (produced.length === 0) produced = evaluationFailure(control, scope, 'The evaluator produced no findings, so nothing was checked.');
      } catch (err) {
        produced = evaluationFailure(control, scope, `Evaluator error: ${(err as Error)?.message ?? String(err)}`);
      }
    }
    // Two findings about one resource would be double counted: keep the worst.
    const byId = new Map<string, Finding>();
    const rank = { fail: 3, unknown: 2, pass: 1, not_applicable: 0 } as const;
    for (const f of produced) {
      const prev = byId.get(f.id);
      if (!prev || rank[f.status] > rank[prev.status]) byId.set(f.id, f);
    }
    const unique = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    findings.push(...unique);
    const counts = countFindings(unique);
    results.push({ controlId: control.id, status: controlStatus(counts), counts });
  }
  return { findings, controls: results };
}
