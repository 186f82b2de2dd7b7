// `proofline diff <run> <run>`: what changed between two runs.
import type { ResultFinding, RunResults } from '../results/run-results.ts';

export interface ResourceKey {
  account: string;
  region: string;
  type: string;
  id: string;
}

export interface StatusChange {
  id: string;
  from: string;
  to: string;
}

export interface RunDiff {
  from: { id: string; startedAt: string };
  to: { id: string; startedAt: string };
  /** Failing now, not failing before (new resource or regression). */
  newFailures: ResultFinding[];
  /** Failing before, passing (or no longer applicable) now. */
  fixed: ResultFinding[];
  /** Failing before, and the resource is gone now. */
  failuresGone: ResultFinding[];
  newResources: ResourceKey[];
  removedResources: ResourceKey[];
  /** Evidence that was collected before and could not be collected now (or was not attempted). */
  evidenceUnavailable: { key: string; account: string; region: string; error?: string }[];
  evidenceRestored: { key: string; account: string; region: string }[];
  controls: StatusChange[];
  requirements: (StatusChange & { framework: string })[];
}

const resourceKey = (f: ResultFinding) => `${f.account}|${f.region}|${f.resource.type}|${f.resource.id}`;
const evidenceKey = (e: { key: string; account: string; region: string }) => `${e.key}|${e.account}|${e.region}`;

function resources(r: RunResults): Map<string, ResourceKey> {
  const out = new Map<string, ResourceKey>();
  // Account-level facts are not resources that come and go.
  for (const f of r.findings) if (f.resource.type !== 'AWS::::Account') out.set(resourceKey(f), { account: f.account, region: f.region, type: f.resource.type, id: f.resource.id });
  return out;
}

/** Per evidence call (key x account x region): ok if any page was collected, else the first error. */
function evidenceState(r: RunResults): Map<string, { key: string; account: string; region: string; ok: boolean; error?: string }> {
  const out = new Map<string, { key: string; account: string; region: string; ok: boolean; error?: string }>();
  for (const e of r.evidence) {
    const k = evidenceKey(e);
    const prev = out.get(k);
    const ok = e.outcome !== 'error';
    if (!prev) out.set(k, { key: e.key, account: e.account, region: e.region, ok, ...(e.error ? { error: `${e.error.code}: ${e.error.message}` } : {}) });
    else if (!ok && prev.ok) out.set(k, { ...prev, ok: false, error: e.error ? `${e.error.code}: ${e.error.message}` : undefined });
  }
  return out;
}

export function diffRuns(a: RunResults, b: RunResults): RunDiff {
  const before = new Map(a.findings.map((f) => [f.id, f]));
  const after = new Map(b.findings.map((f) => [f.id, f]));
  const newFailures = b.findings.filter((f) => f.status === 'fail' && before.get(f.id)?.status !== 'fail');
  const fixed = a.findings.filter((f) => f.status === 'fail' && ['pass', 'not_applicable'].includes(after.get(f.id)?.status ?? ''));
  const resA = resources(a);
  const resB = resources(b);
  const failuresGone = a.findings.filter((f) => f.status === 'fail' && !after.has(f.id) && !resB.has(resourceKey(f)));
  const evA = evidenceState(a);
  const evB = evidenceState(b);
  const evidenceUnavailable = [...evA.values()]
    .filter((e) => e.ok && !evB.get(evidenceKey(e))?.ok)
    .map((e) => {
      const now = evB.get(evidenceKey(e));
      return { key: e.key, account: e.account, region: e.region, ...(now?.error ? { error: now.error } : now ? {} : { error: 'not collected in the later run' }) };
    });
  const evidenceRestored = [...evB.values()].filter((e) => e.ok && evA.has(evidenceKey(e)) && !evA.get(evidenceKey(e))!.ok).map(({ key, account, region }) => ({ key, account, region }));
  const controlsA = new Map(a.controls.map((c) => [c.id, c.status]));
  const controls = b.controls.filter((c) => controlsA.has(c.id) && controlsA.get(c.id) !== c.status).map((c) => ({ id: c.id, from: controlsA.get(c.id)!, to: c.status }));
  const requirements: RunDiff['requirements'] = [];
  for (const fw of Object.keys(b.requirements) as (keyof RunResults['requirements'])[]) {
    const reqA = new Map((a.requirements[fw] ?? []).map((r) => [r.id, r.status]));
    for (const r of b.requirements[fw] ?? []) if (reqA.has(r.id) && reqA.get(r.id) !== r.status) requirements.push({ framework: fw, id: r.id, from: reqA.get(r.id)!, to: r.status });
  }
  return {
    from: { id: a.run.id, startedAt: a.run.startedAt },
    to: { id: b.run.id, startedAt: b.run.startedAt },
    newFailures,
    fixed,
    failuresGone,
    newResources: [...resB.entries()].filter(([k]) => !resA.has(k)).map(([, v]) => v),
    removedResources: [...resA.entries()].filter(([k]) => !resB.has(k)).map(([, v]) => v),
    evidenceUnavailable,
    evidenceRestored,
    controls,
    requirements,
  };
}
