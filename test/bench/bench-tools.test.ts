// The benchmark's own instruments: if they were wrong, its figures would be too.
import { describe, expect, it } from 'vitest';
import { sealRecord, recordId, type EvidenceRecordBody } from '../../src/collect/evidence-record.ts';
import { AwsLimits } from '../../bench/collection/aws-limits.ts';
import { avoidableCalls } from '../../bench/collection/avoidable-calls.ts';
import { collectionBound } from '../../bench/collection/collection-bound.ts';
import { syntheticAccount } from '../../bench/generate/synthetic-aws.ts';
import { planAccount, totalResources } from '../../bench/generate/plan.ts';
import { formatReport, target } from '../../bench/report.ts';

const call = (operation: string, input: Record<string, unknown> = {}) => ({ service: 'sagemaker', operation, account: '111122223333', region: 'eu-west-1', input });

function record(operation: string, input: Record<string, unknown>, response: unknown) {
  const base = { key: `sagemaker.${operation}`, service: 'sagemaker', operation, account: '111122223333', region: 'eu-west-1', input };
  const body: EvidenceRecordBody = { id: recordId(base), ...base, collectedAt: '2026-11-20T02:00:00.000Z', outcome: 'ok', response };
  return sealRecord(body);
}

describe('synthetic account', () => {
  it('holds the requested number of resources, the same each time', () => {
    expect(totalResources(planAccount(10_000))).toBe(10_000);
    expect(planAccount(1000)).toEqual(planAccount(1000));
  });

  it('answers modelled calls with sized data and unmodelled ones as empty', async () => {
    const account = syntheticAccount(1000);
    const list = await account.responder(call('ListNotebookInstances', { MaxResults: 100 }));
    expect(list.outcome).toBe('ok');
    expect((list.response as { NotebookInstances: unknown[] }).NotebookInstances).toHaveLength(32); // 80 notebooks x 40% in eu-west-1
    const missing = await account.responder(call('DescribeNotebookInstance', { NotebookInstanceName: 'nb-eu-west-1-999999' }));
    expect(missing.outcome).toBe('error');
    const generic = await account.responder(call('ListWorkforces'));
    expect(generic).toMatchObject({ outcome: 'ok', response: {} });
    expect(account.genericKeys()).toEqual(['sagemaker.ListWorkforces']);
    expect(account.modelledKeys).toContain('sagemaker.DescribeNotebookInstance');
  });
});

describe('simulated AWS limits', () => {
  it('throttles beyond the burst, per operation, like AWS', async () => {
    const limits = new AwsLimits({ latencyMs: 0, defaultLimit: { rate: 1, burst: 2 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await limits.beforeAnswer(call('DescribeModel', { ModelName: `m${i}` })));
    expect(answers.slice(0, 2)).toEqual([undefined, undefined]);
    expect(answers[2]).toMatchObject({ name: 'ThrottlingException', httpStatus: 400 });
    expect(await limits.beforeAnswer(call('DescribeEndpoint'))).toBeUndefined(); // another operation has its own bucket
    expect(limits.throttleCount).toBe(1);
    expect(limits.log.answered()).toHaveLength(3);
  });

  it('finds repeated calls but not pages of one list', async () => {
    const limits = new AwsLimits({ latencyMs: 0, defaultLimit: { rate: 100, burst: 100 } });
    for (const input of [{}, { NextToken: '100' }, { ModelName: 'a' }, { ModelName: 'a' }]) await limits.beforeAnswer(call(input.ModelName ? 'DescribeModel' : 'ListModels', input));
    expect(limits.log.duplicates()).toEqual([{ key: 'sagemaker.DescribeModel', count: 1 }]);
  });
});

describe('collection bound', () => {
  it('is the largest of the rate, concurrency and paging bounds', () => {
    const log = new AwsLimits({ latencyMs: 0, defaultLimit: { rate: 10, burst: 5 } }).log;
    for (let i = 0; i < 25; i++) log.record(call('DescribeModel', { ModelName: `m${i}` }), false);
    for (let i = 0; i < 3; i++) log.record(call('ListModels', i ? { NextToken: String(i) } : {}), false);
    const b = collectionBound(log.answered(), { latencyMs: 100, inFlightPerAccount: 4, limitFor: () => ({ rate: 10, burst: 5 }) });
    expect(b.rateSeconds).toBeCloseTo(2); // (25 - 5) / 10
    expect(b.concurrencySeconds).toBeCloseTo(0.7); // 28 calls x 0.1 s / 4
    expect(b.pagingSeconds).toBeCloseTo(0.3); // 3 pages one after another
    expect(b.boundSeconds).toBeCloseTo(2);
  });
});

describe('avoidable calls', () => {
  it('flags a describe whose every field the list already returned, and only that', () => {
    const list = record('ListModels', {}, { Models: [{ ModelName: 'a', ModelArn: 'arn:a', CreationTime: 't' }, { ModelName: 'b', ModelArn: 'arn:b', CreationTime: 't' }] });
    const redundant = record('DescribeModel', { ModelName: 'a' }, { ModelName: 'a', ModelArn: 'arn:a' });
    const needed = record('DescribeModel', { ModelName: 'b' }, { ModelName: 'b', ModelArn: 'arn:b', EnableNetworkIsolation: true });
    expect(avoidableCalls([list, redundant, needed])).toEqual([{ key: 'sagemaker.DescribeModel', count: 1 }]);
  });
});

describe('targets', () => {
  it('carry measure, value, comparison and limit as numbers, and met follows from them', () => {
    expect(target({ name: 'r', measure: 'ratio', value: 1.31, comparison: '<=', limit: 1.3 })).toMatchObject({ value: 1.31, comparison: '<=', limitValue: 1.3, limit: '<= 1.30', measured: '1.31', met: false });
    expect(target({ name: 'r', measure: 'ratio', value: 1.3, comparison: '<=', limit: 1.3 }).met).toBe(true);
    expect(target({ name: 'm', measure: 'peak', value: 400, comparison: '<', limit: 400, unit: 'MB', digits: 0 })).toMatchObject({ met: false, measured: '400 MB', limit: '< 400 MB', unit: 'MB' });
  });

  it('is not met when a part did not finish, and not measured without a finite value', () => {
    expect(target({ name: 'm', measure: 'peak', value: 300, comparison: '<', limit: 400, incomplete: 'pdf' })).toMatchObject({ met: false, measured: '300.00 (pdf did not finish: at least this)' });
    expect(target({ name: 'r', measure: 'ratio', value: NaN, comparison: '<=', limit: 1.5 })).toMatchObject({ value: null, met: null });
  });

  it('the report checks the package targets from the stage figures', () => {
    const stage = (target: number, name: string, ms: number, peakRssMb: number) => ({ target, stage: name, ms, peakRssMb });
    const stages = [stage(10, 'package', 100, 200), stage(10, 'floor-xlsx', 40, 0), stage(10, 'floor-pdf', 40, 0), stage(100, 'package', 1000, 450), stage(100, 'floor-xlsx', 400, 0), stage(100, 'floor-pdf', 400, 0)];
    const machine = { cpus: 2, cpuModel: 'x', memoryGb: 1, node: 'v20', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] };
    const { targets } = formatReport({ machine, collection: [], stages, benchSeconds: 1 });
    expect(targets.map((t) => [t.measure, t.value, t.met])).toEqual([
      ['package ms / (bare exceljs + bare pdfkit ms)', 1.25, true],
      ['peak RSS of the package stage', 450, false],
      ['peak RSS ratio, large / small run', 2.25, false],
    ]);
  });

  it('adds what the package adds above its inputs, large / small, marked informational, when the inputs were measured', () => {
    const stage = (target: number, name: string, ms: number, peakRssMb: number, inputRssMb?: number) => ({ target, stage: name, ms, peakRssMb, inputRssMb });
    const stages = [stage(10, 'package', 100, 200, 150), stage(10, 'floor-xlsx', 40, 0), stage(10, 'floor-pdf', 40, 0), stage(100, 'package', 1000, 350, 290), stage(100, 'floor-xlsx', 400, 0), stage(100, 'floor-pdf', 400, 0)];
    const machine = { cpus: 2, cpuModel: 'x', memoryGb: 1, node: 'v20', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] };
    const { targets } = formatReport({ machine, collection: [], stages, benchSeconds: 1 });
    expect(targets.map((t) => [t.measure, t.value, t.met, t.informational ?? false])).toEqual([
      ['package ms / (bare exceljs + bare pdfkit ms)', 1.25, true, false],
      ['peak RSS of the package stage', 350, true, false],
      ['peak RSS ratio, large / small run', 1.75, false, false],
      ['(peak RSS - RSS of the inputs held when the package starts) ratio, large / small run', 1.2, true, true],
    ]);
  });

  it("adds the package against the floor in the report's font, marked informational, when that floor was measured", () => {
    const stage = (target: number, name: string, ms: number, extra: Record<string, unknown> = {}) => ({ target, stage: name, ms, peakRssMb: 100, ...extra });
    const machine = { cpus: 2, cpuModel: 'x', memoryGb: 1, node: 'v20', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] };
    const stages = [stage(100, 'json', 100), stage(100, 'pdf', 1100), stage(100, 'floor-xlsx', 200), stage(100, 'floor-pdf', 300), stage(100, 'floor-pdf-font', 600)];
    const { targets, text } = formatReport({ machine, collection: [], stages, benchSeconds: 1 });
    const font = targets.filter((t) => t.informational);
    expect(font.map((t) => [t.measure, t.value, t.limitValue, t.met])).toEqual([["package ms / (bare exceljs + bare pdfkit in the report's embedded font ms)", 1.5, 1.5, true]]);
    expect(targets.find((t) => t.measure === 'package ms / (bare exceljs + bare pdfkit ms)')).toMatchObject({ value: 2.4, met: false });
    expect(targets.filter((t) => 'informational' in t)).toHaveLength(1);
    expect(text).toContain('(for comparison <= 1.50)');
    const timedOut = formatReport({ machine, collection: [], stages: [...stages.slice(0, 4), stage(100, 'floor-pdf-font', 900, { timedOut: true })], benchSeconds: 1 }).targets.find((t) => t.informational);
    expect(timedOut).toMatchObject({ met: false });
  });
});
