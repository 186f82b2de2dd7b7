// Fail closed on absent fields, checked on every record of the sample account, field by field.
//
// "Judged fields" are not listed by hand: they are observed, so a field a rule reads that nobody
// declared is tested like any other.
//  1. Each rule runs over the sample with every response wrapped so that each property it reads is
//     logged; the reads made since its previous finding are attributed to the next finding it creates
//     (test/helpers/field-reads.ts). Only fields of the records a finding cites count.
//  2. A field a passing finding read is judged when giving it another value of its type (true/false,
//     another number, another string or any value the same property has elsewhere in the sample, an
//     empty list or object) changes that finding's status: its verdict depends on it. Fields read only to name things in reasons are not judged.
//     A rule may name fields whose absence AWS documents as a value (`documentedAbsences`, e.g.
//     retentionInDays: absent means "never expire"); those are not removed.
//  3. Each judged field is removed from its one record and the rule runs again: that finding must no
//     longer pass. Removing a name or id may make the resource unreachable (the finding disappears or
//     becomes unknown); removing a setting must make the verdict unknown (`required`) or a fail.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealRecord, type EvidenceRecord, type EvidenceRecordBody } from '../../src/collect/evidence-record.ts';
import { readSnapshotIndex } from '../../src/collect/snapshot/read-snapshot.ts';
import type { Scope } from '../../src/collect/target.ts';
import { loadProjectCatalog, type ProjectCatalog } from '../../src/evaluate/load-project-catalog.ts';
import { at, evaluateTraced, isIndex, otherValues, replaced, valuesByName } from '../helpers/field-reads.ts';
import { params } from '../helpers/evidence.ts';

const SAMPLE = 'samples/sample-account';
const PARAMS = params({ now: new Date('2026-11-20T02:00:00Z'), allowedRegions: ['eu-west-1', 'eu-central-1'] });

let project: ProjectCatalog;
let records: EvidenceRecord[];
let scope: Scope;

beforeAll(async () => {
  project = await loadProjectCatalog();
  const index = await readSnapshotIndex(SAMPLE);
  scope = index.scope;
  records = await Promise.all(index.records.map(async (e) => sealRecord(JSON.parse(await readFile(join(SAMPLE, e.file), 'utf8')) as EvidenceRecordBody)));
}, 120_000);

const key = (path: readonly string[]) => path.join('.');

describe('a field a rule judges, removed from the evidence', () => {
  it('never leaves a passing finding passing (every passing finding of the sample, every field it read)', () => {
    const seen = valuesByName(records.map((r) => r.response));
    const standing: string[] = [];
    let checked = 0;
    for (const control of project.catalog.controls.filter((c) => c.automation === 'automated')) {
      const rule = project.rules.get(control.id)!;
      const mine = records.filter((r) => rule.evidence.includes(r.key as never));
      const baseline = evaluateTraced(rule, control, mine, scope, PARAMS);
      for (const [id, { finding, reads }] of baseline) {
        if (finding.status !== 'pass') continue;
        const cited = new Set(finding.evidence);
        const documented = new Set(rule.documentedAbsences ?? []);
        const fields = new Map(reads.filter((r) => cited.has(r.record) && !isIndex(r.path.at(-1)!) && !documented.has(r.path.at(-1)!)).map((r) => [`${r.record}#${key(r.path)}`, r]));
        const statusWith = (record: string, path: string[], value?: unknown) => {
          const changed = mine.map((r) => (r.id === record ? { ...r, response: replaced(r.response, path, ...(value === undefined ? [] : [value])) } : r));
          return evaluateTraced(rule, control, changed, scope, PARAMS).get(id)?.finding;
        };
        for (const { record, path } of fields.values()) {
          const original = at(mine.find((r) => r.id === record)!.response, path);
          const judged = otherValues(original, seen.get(path.at(-1)!)).some((v) => statusWith(record, path, v)?.status !== 'pass');
          if (!judged) continue;
          checked++;
          const after = statusWith(record, path);
          if (after?.status === 'pass') standing.push(`${control.id}: ${finding.resource.id} still passes without ${key(path)} of ${record} (${after.reason})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(standing).toEqual([]);
  }, 300_000);
});
