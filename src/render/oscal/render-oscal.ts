// oscal/assessment-results.json: the run in NIST OSCAL 1.0.6 assessment-results form. Observations are
// the evidence records (with their collection time and digest), findings are framework requirements
// (satisfied / not-satisfied; unknown never counts as satisfied), risks are the failing controls.
import type { RequirementStatus } from '../../map/requirement-status.ts';
import type { IterableResults } from '../../results/run-results.ts';
import { REQUIREMENT_STATUS_LABELS } from '../view-model/labels.ts';
import type { ViewModel } from '../view-model/view-model.ts';
import { oscalToken, oscalUuid } from './oscal-ids.ts';
import { openTextStream } from '../../util/text-stream.ts';

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
      return { state: 'not-satisfied', reason: 'fail' };
    case 'unknown':
    case 'manual':
    case 'inherited_no_evidence':
      return { state: 'not-satisfied', reason: 'other' };
    default:
      return undefined; // not_applicable, out_of_scope: nothing to assess
  }
}

function prop(name: string, value: string | number): Json {
  return { name, value: String(value), ns: NS };
}

/**
 * The document in parts: its skeleton (small) and the three lists that grow with the run, each a
 * generator so the streamed writer never holds more than one item. buildOscal and renderOscal both use
 * it, so the object and the file are the same document.
 */
function oscalParts(vm: ViewModel, results: IterableResults) {
  const run = vm.run;
  const id = (...parts: string[]) => oscalUuid(run.id, ...parts);
  const observationOf = new Map<string, string>();
  for (const e of vm.evidence) observationOf.set(e.id, id('observation', e.id, e.sha256));

  function* observations(): Generator<Json> {
    for (const e of vm.evidence)
      yield {
        uuid: observationOf.get(e.id)!,
        title: `${e.key} in ${e.account}/${e.region}`,
        description: `AWS API call ${e.key} (account ${e.account}, region ${e.region}): ${e.outcome}${e.error ? ` (${e.error.code ?? e.error.name}: ${e.error.message})` : ''}.`,
        props: [prop('evidence-key', e.key), prop('outcome', e.outcome), ...(e.requestId ? [prop('aws-request-id', e.requestId)] : [])],
        methods: ['TEST'],
        'relevant-evidence': [{ href: e.file, description: `Raw API response, SHA-256 ${e.sha256}`, props: [prop('sha256', e.sha256)] }],
        collected: e.collectedAt,
      };
  }

  const failingControls = vm.controls.filter((x) => x.status === 'fail');
  const riskOf = new Map(failingControls.map((c) => [c.id, id('risk', c.id)]));
  const acceptedExceptions = (vm.exceptions ?? []).filter((e) => e.status === 'active' && e.matchedFindings);

  function* risks(): Generator<Json> {
    for (const c of failingControls) {
      const cited = new Set<string>();
      for (const f of c.failing) for (const e of f.evidence) cited.add(e);
      yield {
        uuid: riskOf.get(c.id)!,
        title: c.title,
        description: `${c.rationale} Remediation: ${c.remediation}`,
        statement: `${c.failing.length} resource(s) fail control ${c.id} (${c.severity} severity); every one is listed in control-gaps.xlsx and report.pdf.`,
        props: [prop('control-id', c.id), prop('severity', c.severity), prop('failing-resources', c.failing.length)],
        status: 'open',
        ...(cited.size ? { 'related-observations': [...cited].filter((e) => observationOf.has(e)).map((e) => ({ 'observation-uuid': observationOf.get(e)! })) } : {}),
      };
    }
    // Active exceptions (src/exceptions) are approved deviations: listed as their own risks, never hidden.
    for (const e of acceptedExceptions) {
      yield {
        uuid: id('risk-exception', e.id),
        title: `Accepted risk ${e.id}: ${e.controlId}`,
        description: e.reason,
        statement: `Approved by ${e.approver}${e.approvedAt ? ` on ${e.approvedAt}` : ''}, until ${e.expiresAt}; covers ${e.matchedFindings} failing finding(s) of control ${e.controlId}${e.resource ? ` on resources matching ${e.resource}` : ''}. The findings stay listed as failing.`,
        props: [prop('control-id', e.controlId), prop('exception-id', e.id), prop('approver', e.approver), prop('expires', e.expiresAt), prop('accepted-findings', e.matchedFindings!)],
        status: 'deviation-approved',
        deadline: `${e.expiresAt}T23:59:59Z`,
      };
    }
  }

  const evidenceOfControl = new Map(vm.controls.map((c) => [c.id, Array.from(c.evidence, (e) => e.id)]));
  function* findings(): Generator<Json> {
    for (const fw of vm.frameworks) {
      for (const r of fw.requirements) {
        const status = objectiveStatus(r.status);
        if (!status) continue;
        const obs = [...new Set(r.controls.flatMap((c) => evidenceOfControl.get(c.id) ?? []))].filter((e) => observationOf.has(e)).map((e) => ({ 'observation-uuid': observationOf.get(e)! }));
        const relatedRisks = r.controls.filter((c) => riskOf.has(c.id)).map((c) => ({ 'risk-uuid': riskOf.get(c.id)! }));
        yield {
          uuid: id('finding', fw.id, r.id),
          title: `${fw.name} ${r.id}: ${r.title}`,
          description: `${REQUIREMENT_STATUS_LABELS[r.status]}. ${r.reason}`,
          props: [
            prop('framework', fw.id),
            prop('requirement-id', r.id),
            prop('proofline-status', r.status),
            prop('primary-controls-passing', `${r.primaryPassed} of ${r.primaryTotal}`),
            // class = the mapping's strength (primary decides, supporting informs); remarks = its justification.
            ...r.controls.map((c) => ({ ...prop('control', `${c.id}=${c.status}`), class: c.strength, remarks: c.justification })),
            ...(r.providerEvidence ?? []).map((p) => prop('provider-evidence', `${p.name}=${p.attached ? 'attached' : 'not-attached'}`)),
          ],
          target: { type: 'objective-id', 'target-id': oscalToken(fw.id, r.id), title: r.title, status: { ...status, ...(status.reason === 'other' ? { remarks: r.reason } : {}) } },
          ...(obs.length ? { 'related-observations': obs } : {}),
          ...(relatedRisks.length ? { 'related-risks': relatedRisks } : {}),
        };
      }
    }
  }

  const lists = {
    observations: vm.evidence.length ? observations : undefined,
    risks: failingControls.length + acceptedExceptions.length ? risks : undefined,
    findings: vm.frameworks.some((fw) => fw.requirements.some((r) => objectiveStatus(r.status))) ? findings : undefined,
  };

  const catalogResource = id('catalog', run.catalogDigest);
  const partyUuid = id('party', run.organization);
  /** The document with `fill(name, list)` in place of each list (omitted when the list is empty). */
  const skeleton = (fill: (name: keyof typeof lists, list: () => Generator<Json>) => unknown): Json => {
    const result: Json = {
      uuid: id('result'),
      title: `Evidence run ${run.id}`,
      description: `Automated assessment of AWS accounts ${run.accounts.join(', ')} in regions ${run.regions.join(', ')}; ${results.findings.length} resource findings over ${vm.controls.length} controls.`,
      start: run.startedAt,
      end: run.finishedAt,
      props: [
        prop('evaluated-at', run.evaluatedAt),
        ...run.accounts.map((a) => prop('aws-account', a)),
        // Scope and limits (results.json run and scope): replay, collection window, parameters, services not examined.
        ...(results.run.source.recordedAt ? [prop('replayed-from-recording-made', results.run.source.recordedAt)] : []),
        ...(results.run.collectionWindow ? [prop('collection-window-from', results.run.collectionWindow.from), prop('collection-window-to', results.run.collectionWindow.to)] : []),
        prop('region-selection', results.run.regionSelection.method),
        ...Object.entries(results.run.parameters).map(([name, value]) => prop(`parameter-${name}`, Array.isArray(value) ? value.join(',') || '(none)' : value)),
        ...results.scope.notExamined.map((s) => prop('service-not-examined', s.service)),
      ],
      'reviewed-controls': { 'control-selections': [{ 'include-all': {} }] },
    };
    for (const name of ['observations', 'risks', 'findings'] as const) {
      const list = lists[name];
      if (list) result[name] = fill(name, list);
    }
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
        results: [result],
        'back-matter': {
          resources: [{ uuid: catalogResource, title: 'Proofline control catalog', description: 'The control catalog and framework mappings this assessment applied (its SHA-256 identifies the exact version).', props: [prop('catalog-sha256', run.catalogDigest)] }],
        },
      },
    };
  };
  return { skeleton };
}

/** The whole document as one object (small runs, tests). renderOscal writes the same bytes without it. */
export function buildOscal(vm: ViewModel, results: IterableResults): Json {
  return oscalParts(vm, results).skeleton((_name, list) => [...list()]);
}

/**
 * Streams the document: the skeleton is stringified with a marker where each list goes, and each list
 * is written item by item at the marker's indentation. The bytes are those of
 * `JSON.stringify(buildOscal(vm, results), null, 2)` plus a newline; memory stays flat in the number of
 * observations and findings.
 */
export async function renderOscal(path: string, vm: ViewModel, results: IterableResults): Promise<void> {
  const { skeleton } = oscalParts(vm, results);
  const lists = new Map<string, () => Generator<Json>>();
  const marker = (name: string) => `\u0000proofline-oscal-list:${name}\u0000`;
  const text = `${JSON.stringify(skeleton((name, list) => (lists.set(name, list), marker(name))), null, 2)}\n`;
  const out = openTextStream(path);
  const write = (chunk: string) => out.write(chunk);
  let at = 0;
  for (const [name, list] of lists) {
    const quoted = JSON.stringify(marker(name));
    const i = text.indexOf(quoted, at);
    if (i < 0) throw new Error(`oscal: marker for ${name} not found`);
    const indent = text.slice(text.lastIndexOf('\n', i) + 1).match(/^ */)![0];
    const inner = `\n${indent}  `;
    await write(text.slice(at, i));
    let first = true;
    let batch = '';
    for (const item of list()) {
      batch += `${first ? '[' : ','}${inner}${JSON.stringify(item, null, 2).replaceAll('\n', inner)}`;
      first = false;
      if (batch.length > 1 << 16) {
        await write(batch);
        batch = '';
      }
    }
    await write(`${batch}${first ? '[]' : `\n${indent}]`}`);
    at = i + quoted.length;
  }
  await write(text.slice(at));
  await out.close();
}
