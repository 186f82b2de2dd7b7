// oscal/assessment-results.json: the run in NIST OSCAL 1.0.6 assessment-results form. Observations are
// the evidence records (with their collection time and digest), findings are framework requirements
// (satisfied / not-satisfied; unknown never counts as satisfied), risks are the failing controls.
import { writeFile } from 'node:fs/promises';
import type { RequirementStatus } from '../../map/requirement-status.ts';
import type { RunResults } from '../../results/run-results.ts';
import { REQUIREMENT_STATUS_LABELS } from '../view-model/labels.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { oscalToken, oscalUuid } from './oscal-ids.ts';

export const OSCAL_VERSION = '1.0.6';
const NS = 'https://proofline.dev/ns/oscal';

type Json = Record<string, unknown>;

/** Requirement status -> OSCAL objective status; statuses with no determination are left out. */
function objectiveStatus(status: RequirementStatus): { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other' } | undefined {
  switch (status) {
    case 'met':
      return { state: 'satisfied', reason: 'pass' };
    case 'inherited':
      return { state: 'satisfied', reason: 'other' };
    case 'not_met':
    case 'partial':
      return { state: 'not-satisfied', reason: 'fail' };
    case 'unknown':
    case 'manual':
      return { state: 'not-satisfied', reason: 'other' };
    default:
      return undefined; // not_applicable, out_of_scope: nothing to assess
  }
}

function prop(name: string, value: string | number): Json {
  return { name, value: String(value), ns: NS };
}

export function buildOscal(vm: ViewModel, results: RunResults): Json {
  const run = vm.run;
  const id = (...parts: string[]) => oscalUuid(run.id, ...parts);
  const observationOf = new Map(vm.evidence.map((e) => [e.id, id('observation', e.id, e.sha256)]));

  const observations = vm.evidence.map((e) => ({
    uuid: observationOf.get(e.id)!,
    title: `${e.key} in ${e.account}/${e.region}`,
    description: `AWS API call ${e.key} (account ${e.account}, region ${e.region}): ${e.outcome}${e.error ? ` (${e.error.code ?? e.error.name}: ${e.error.message})` : ''}.`,
    props: [prop('evidence-key', e.key), prop('outcome', e.outcome), ...(e.requestId ? [prop('aws-request-id', e.requestId)] : [])],
    methods: ['TEST'],
    'relevant-evidence': [{ href: e.file, description: `Raw API response, SHA-256 ${e.sha256}`, props: [prop('sha256', e.sha256)] }],
    collected: e.collectedAt,
  }));

  const risks: Json[] = [];
  const riskOf = new Map<string, string>();
  for (const c of vm.controls.filter((x) => x.status === 'fail')) {
    const uuid = id('risk', c.id);
    riskOf.set(c.id, uuid);
    const cited = new Set(c.failing.flatMap((f) => f.evidence));
    risks.push({
      uuid,
      title: c.title,
      description: `${c.rationale} Remediation: ${c.remediation}`,
      statement: `${c.failing.length} resource(s) fail control ${c.id} (${c.severity} severity); every one is listed in control-gaps.xlsx and report.pdf.`,
      props: [prop('control-id', c.id), prop('severity', c.severity), prop('failing-resources', c.failing.length)],
      status: 'open',
      ...(cited.size ? { 'related-observations': [...cited].filter((e) => observationOf.has(e)).map((e) => ({ 'observation-uuid': observationOf.get(e)! })) } : {}),
    });
  }

  // Active exceptions (src/exceptions) are approved deviations: listed as their own risks, never hidden.
  for (const e of vm.exceptions ?? []) {
    if (e.status !== 'active' || !e.matchedFindings) continue;
    risks.push({
      uuid: id('risk-exception', e.id),
      title: `Accepted risk ${e.id}: ${e.controlId}`,
      description: e.reason,
      statement: `Approved by ${e.approver}${e.approvedAt ? ` on ${e.approvedAt}` : ''}, until ${e.expiresAt}; covers ${e.matchedFindings} failing finding(s) of control ${e.controlId}${e.resource ? ` on resources matching ${e.resource}` : ''}. The findings stay listed as failing.`,
      props: [prop('control-id', e.controlId), prop('exception-id', e.id), prop('approver', e.approver), prop('expires', e.expiresAt), prop('accepted-findings', e.matchedFindings)],
      status: 'deviation-approved',
      deadline: `${e.expiresAt}T23:59:59Z`,
    });
  }

  const evidenceOfControl = new Map(vm.controls.map((c) => [c.id, c.evidence.map((e) => e.id)]));
  const findings: Json[] = [];
  for (const fw of vm.frameworks) {
    for (const r of fw.requirements) {
      const status = objectiveStatus(r.status);
      if (!status) continue;
      const obs = [...new Set(r.controls.flatMap((c) => evidenceOfControl.get(c.id) ?? []))].filter((e) => observationOf.has(e)).map((e) => ({ 'observation-uuid': observationOf.get(e)! }));
      const relatedRisks = r.controls.filter((c) => riskOf.has(c.id)).map((c) => ({ 'risk-uuid': riskOf.get(c.id)! }));
      findings.push({
        uuid: id('finding', fw.id, r.id),
        title: `${fw.name} ${r.id}: ${r.title}`,
        description: `${REQUIREMENT_STATUS_LABELS[r.status]}. ${r.reason}`,
        props: [prop('framework', fw.id), prop('requirement-id', r.id), prop('proofline-status', r.status), ...r.controls.map((c) => prop('control', `${c.id}=${c.status}`))],
        target: { type: 'objective-id', 'target-id': oscalToken(fw.id, r.id), title: r.title, status: { ...status, ...(status.reason === 'other' ? { remarks: r.reason } : {}) } },
        ...(obs.length ? { 'related-observations': obs } : {}),
        ...(relatedRisks.length ? { 'related-risks': relatedRisks } : {}),
      });
    }
  }

  const catalogResource = id('catalog', run.catalogDigest);
  const partyUuid = id('party', run.organization);
  return {
    'assessment-results': {
      uuid: id('assessment-results'),
      metadata: {
        title: `${run.organization}: Proofline assessment of AI workloads (${run.frameworkNames.join(', ')})`,
        'last-modified': run.finishedAt,
        version: `${run.toolName}-${run.toolVersion}-${run.id}`,
        'oscal-version': OSCAL_VERSION,
        props: [prop('run-id', run.id), prop('catalog-sha256', run.catalogDigest)],
        parties: [{ uuid: partyUuid, type: 'organization', name: run.organization }],
      },
      // No separate assessment plan exists: the plan is the control catalog, referenced in back-matter.
      'import-ap': { href: `#${catalogResource}` },
      results: [
        {
          uuid: id('result'),
          title: `Evidence run ${run.id}`,
          description: `Automated assessment of AWS accounts ${run.accounts.join(', ')} in regions ${run.regions.join(', ')}; ${results.findings.length} resource findings over ${vm.controls.length} controls.`,
          start: run.startedAt,
          end: run.finishedAt,
          props: [prop('evaluated-at', run.evaluatedAt), ...run.accounts.map((a) => prop('aws-account', a))],
          'reviewed-controls': { 'control-selections': [{ 'include-all': {} }] },
          ...(observations.length ? { observations } : {}),
          ...(risks.length ? { risks } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      'back-matter': {
        resources: [{ uuid: catalogResource, title: 'Proofline control catalog', description: 'The control catalog and framework mappings this assessment applied (its SHA-256 identifies the exact version).', props: [prop('catalog-sha256', run.catalogDigest)] }],
      },
    },
  };
}

export async function renderOscal(path: string, vm: ViewModel, results: RunResults): Promise<void> {
  await writeFile(path, `${JSON.stringify(buildOscal(vm, results), null, 2)}\n`);
}
