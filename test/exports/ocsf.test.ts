// OCSF export of the sample run, checked against the OCSF 1.2.0 schema's required attributes and enums
// for Compliance Finding (test/fixtures/ocsf/, extracted from the schema's own files).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ocsfEvents, type OcsfComplianceFinding } from '../../src/render/exports/ocsf.ts';
import { writeOcsfFile } from '../../src/render/exports/write-exports.ts';
import type { RunResults } from '../../src/results/run-results.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { sampleRun } from '../package/package-fixture.ts';

interface SchemaFacts {
  class: { uid: number; category_uid: number; required: string[] };
  objects: Record<string, string[]>;
  enums: Record<string, number[]>;
}
const SCHEMA = JSON.parse(await readFile(fileURLToPath(new URL('../fixtures/ocsf/compliance-finding-1.2.0.json', import.meta.url)), 'utf8')) as SchemaFacts;

let results: RunResults;
let events: OcsfComplianceFinding[];
beforeAll(async () => {
  results = (await sampleRun()).results;
  events = [...ocsfEvents(results)];
});

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

describe('OCSF export', () => {
  it('has one Compliance Finding per evaluated finding (pass, fail, unknown)', () => {
    const evaluated = results.findings.filter((f) => f.status !== 'not_applicable');
    expect(events.map((e) => e.finding_info.uid)).toEqual(evaluated.map((f) => f.id));
    expect(events.map((e) => e.compliance.status)).toEqual(evaluated.map((f) => ({ pass: 'Pass', fail: 'Fail', unknown: 'Warning' })[f.status as 'pass']));
  });

  it('carries every attribute OCSF 1.2.0 requires of the class and of its objects, with values from their enums', () => {
    const objects: Record<string, (e: OcsfComplianceFinding) => object | undefined> = {
      metadata: (e) => e.metadata,
      product: (e) => e.metadata.product,
      finding_info: (e) => e.finding_info,
      compliance: (e) => e.compliance,
      cloud: (e) => e.cloud,
      resource_details: (e) => e.resource,
      remediation: (e) => e.remediation,
      account: (e) => e.cloud.account,
    };
    expect(Object.keys(objects).sort()).toEqual(Object.keys(SCHEMA.objects).sort());
    for (const e of events) {
      for (const attr of SCHEMA.class.required) expect(present((e as unknown as Record<string, unknown>)[attr]), `${e.finding_info.uid}: ${attr}`).toBe(true);
      for (const [name, get] of Object.entries(objects)) for (const attr of SCHEMA.objects[name]) expect(present((get(e) as Record<string, unknown>)[attr]), `${name}.${attr}`).toBe(true);
      expect(e.class_uid).toBe(SCHEMA.class.uid);
      expect(e.category_uid).toBe(SCHEMA.class.category_uid);
      expect(e.type_uid).toBe(e.class_uid * 100 + e.activity_id);
      expect(SCHEMA.enums.activity_id).toContain(e.activity_id);
      expect(SCHEMA.enums.status_id).toContain(e.status_id);
      expect(SCHEMA.enums.severity_id).toContain(e.severity_id);
      expect(SCHEMA.enums['compliance.status_id']).toContain(e.compliance.status_id);
      expect(SCHEMA.enums['account.type_id']).toContain(e.cloud.account.type_id);
      expect(Number.isInteger(e.time)).toBe(true);
      expect(e.time).toBe(Date.parse(results.run.evaluatedAt));
      expect(e.metadata.version).toBe('1.2.0');
      expect(e.metadata.profiles).toEqual(['cloud']);
    }
  });

  it('names the frameworks, the requirements and the evidence behind each event', () => {
    const controls = new Map(results.controls.map((c) => [c.id, c]));
    const keys = new Map(results.evidence.map((e) => [e.id, e.key]));
    for (const [i, e] of events.entries()) {
      const f = results.findings.filter((x) => x.status !== 'not_applicable')[i];
      const control = controls.get(f.controlId)!;
      expect(e.compliance.control).toBe(control.id);
      expect(e.compliance.requirements).toHaveLength(control.mappings.filter((m) => results.run.frameworks.includes(m.framework)).length);
      expect(e.unmapped.proofline.evidence).toEqual(f.evidence);
      expect(e.finding_info.data_sources).toEqual([...new Set(f.evidence.map((id) => keys.get(id)))]);
      expect(e.cloud.account.uid).toBe(f.account);
      expect(e.resource.uid).toBe(f.resource.arn ?? f.resource.id);
      if (f.region === 'global') expect(e.cloud.region).toBeUndefined();
      else expect(e.cloud.region).toBe(f.region);
    }
  });

  it('writes JSON lines, one event per line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofline-ocsf-'));
    try {
      const n = await writeOcsfFile(join(dir, 'events.jsonl'), results);
      const lines = (await readFile(join(dir, 'events.jsonl'), 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(n);
      expect(lines.map((l) => JSON.parse(l))).toEqual(events);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
