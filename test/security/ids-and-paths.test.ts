// Ids that become paths are checked where they enter, and every written path stays inside its root:
// flags, config, a crafted snapshot (scope, record files, symlinks), AWS answers, package names, retention.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSource } from '../../src/collect/live/live-source.ts';
import { readSnapshotIndex, SnapshotError, snapshotResponder } from '../../src/collect/snapshot/read-snapshot.ts';
import { snapshotSource } from '../../src/collect/source.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { writePackage } from '../../src/package/write-package.ts';
import { HistoryStore } from '../../src/history/history-store.ts';
import { applyRetention } from '../../src/history/apply-retention.ts';
import { checkAccountId, checkRegionName, isRegionName } from '../../src/util/aws-ids.ts';
import { confinedExistingPath, confinedPath, PathEscapeError } from '../../src/util/confined-path.ts';
import { fakeResults } from '../history/fake-results.ts';
import { TEST_HISTORY_KEY } from '../helpers/history-key.ts';
import { runCliProcess } from '../helpers/cli-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = join(ROOT, 'samples/sample-account');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'proofline-paths-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const exists = (p: string) => stat(p).then(() => true, () => false);

async function craftedSnapshot(name: string, edit: (index: any) => void): Promise<string> {
  const dir = join(tmp, name);
  await cp(SAMPLE, dir, { recursive: true });
  const index = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8'));
  edit(index);
  await writeFile(join(dir, 'snapshot.json'), JSON.stringify(index));
  return dir;
}

describe('ids', () => {
  it('accepts AWS account ids and region codes, and nothing path-like', () => {
    for (const r of ['eu-west-1', 'us-gov-west-1', 'cn-northwest-1', 'us-isob-east-1', 'ap-southeast-7', 'eusc-de-east-1']) expect(isRegionName(r)).toBe(true);
    for (const r of ['../../../../../escaped-region', 'eu-west-1/..', 'EU-WEST-1', 'mars-north-1', 'global', '', 'eu-west-1\0']) expect(isRegionName(r)).toBe(false);
    expect(checkAccountId('111122223333', 'x')).toBe('111122223333');
    expect(() => checkAccountId('../../etc', 'sts GetCallerIdentity Account')).toThrow(/sts GetCallerIdentity Account: "..\/..\/etc" is not a 12-digit AWS account id/);
    expect(checkRegionName('global', 'x', true)).toBe('global');
    expect(() => checkRegionName('global', 'x')).toThrow(/not an AWS region code/);
  });

  it('the config refuses a region that is not of AWS\'s form, naming the field', () => {
    expect(() => parseConfig({ regions: ['eu-west-1', '../x'] }, 'p.yaml')).toThrow(/p.yaml: field "regions.1": must be an AWS region code/);
  });

  it('`run --regions` with a path in it is a clear error (exit 2) and writes nothing anywhere', async () => {
    const out = join(tmp, 'cli', 'a', 'out');
    const env = { HOME: tmp, PROOFLINE_HOME: join(tmp, 'home'), AWS_EC2_METADATA_DISABLED: 'true' };
    const r = await runCliProcess(['run', '--source', 'samples/sample-account', '--regions', 'eu-west-1,../../../../../escaped-region', '--out', out, '--quiet'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--regions: "../../../../../escaped-region" is not an AWS region code');
    expect(await exists(join(tmp, 'cli'))).toBe(false);
    expect(await exists(join(ROOT, '..', 'escaped-region'))).toBe(false);
  });

  it('a live run refuses an STS or Organizations answer whose account id is a path', async () => {
    const sts = mockClient(STSClient);
    const org = mockClient(OrganizationsClient);
    const ec2 = mockClient(EC2Client);
    try {
      const credentials = async () => ({ accessKeyId: 'AKIA', secretAccessKey: 's' });
      sts.on(GetCallerIdentityCommand).resolves({ Account: '../../../../tmp/x', Arn: 'arn:aws:iam::1:user/a' });
      await expect(liveSource({ regions: ['eu-west-1'], credentials })).rejects.toThrow(/sts GetCallerIdentity Account: "..\/..\/..\/..\/tmp\/x" is not a 12-digit/);
      sts.on(GetCallerIdentityCommand).resolves({ Account: '999988887777', Arn: 'arn:aws:iam::999988887777:user/a' });
      org.on(ListAccountsCommand).resolves({ Accounts: [{ Id: '../evil', State: 'ACTIVE' }] });
      await expect(liveSource({ regions: ['eu-west-1'], organization: true, credentials })).rejects.toThrow(/ListAccounts Accounts\[\]\.Id: "..\/evil"/);
      ec2.on(DescribeRegionsCommand).resolves({ Regions: [{ RegionName: '../../up', OptInStatus: 'opted-in' }] });
      await expect(liveSource({ regions: [], credentials })).rejects.toThrow(/DescribeRegions Regions\[\]\.RegionName: "..\/..\/up"/);
    } finally {
      sts.restore();
      org.restore();
      ec2.restore();
    }
  });
});

describe('a crafted snapshot', () => {
  it('refuses scope accounts and regions that are not AWS ids, naming the field', async () => {
    const accounts = await craftedSnapshot('scope-accounts', (i) => (i.scope.accounts = ['../../../../escaped']));
    await expect(readSnapshotIndex(accounts)).rejects.toThrow(/field "scope.accounts.0": must be a 12-digit AWS account id/);
    const regions = await craftedSnapshot('scope-regions', (i) => (i.scope.regions = ['eu-west-1', '../../x']));
    await expect(snapshotSource(regions)).rejects.toThrow(SnapshotError);
    await expect(snapshotSource(SAMPLE, ['../up'])).rejects.toThrow(/regions: "..\/up" is not an AWS region code/);
  });

  it('refuses a record file that leaves the snapshot, and a record id outside its account and region', async () => {
    const dotdot = await craftedSnapshot('file-dotdot', (i) => (i.records[0].file = 'records/../../../outside.json'));
    await expect(readSnapshotIndex(dotdot)).rejects.toThrow(/field "records.0.file": must be a relative path under records\//);
    const absolute = await craftedSnapshot('file-absolute', (i) => (i.records[0].file = '/etc/passwd'));
    await expect(readSnapshotIndex(absolute)).rejects.toThrow(/records.0.file/);
    const id = await craftedSnapshot('id', (i) => (i.records[0].id = `../../${i.records[0].id}`));
    await expect(readSnapshotIndex(id)).rejects.toThrow(/field "records.0.id": must start with the record's <account>\/<region>\//);
  });

  it('does not follow a symbolic link out of the snapshot: the call is answered with an error (unknown)', async () => {
    const dir = await craftedSnapshot('symlink', () => undefined);
    const index = await readSnapshotIndex(dir);
    const entry = index.records.find((r) => r.outcome === 'ok')!;
    const outside = join(tmp, 'outside.json');
    await cp(join(dir, entry.file), outside);
    await rm(join(dir, entry.file));
    await symlink(outside, join(dir, entry.file));
    const body = JSON.parse(await readFile(outside, 'utf8'));
    const answer = await (await snapshotResponder(dir, index))({ service: body.service, operation: body.operation, account: body.account, region: body.region, input: body.input } as never);
    expect(answer).toMatchObject({ outcome: 'error', error: { name: 'SnapshotPathEscape' } });
  });
});

describe('the one path builder', () => {
  it('refuses segments that leave the root, absolute segments and NUL bytes', async () => {
    expect(confinedPath('/data/out', 'a', 'b/c.json')).toBe('/data/out/a/b/c.json');
    expect(() => confinedPath('/data/out', 'proofline-../../../x')).toThrow(PathEscapeError);
    expect(() => confinedPath('/data/out', 'evidence', '../../x')).toThrow(PathEscapeError);
    expect(() => confinedPath('/data/out', '/etc/passwd')).toThrow(PathEscapeError);
    expect(() => confinedPath('/data/out', 'a\0b')).toThrow(PathEscapeError);
    const root = join(tmp, 'root');
    await mkdir(root);
    await symlink(tmp, join(root, 'link'));
    await expect(confinedExistingPath(root, 'link')).rejects.toThrow(/symbolic link that leads out/);
  });

  it('a package whose scope names a path is refused before anything is written outside the output folder', async () => {
    const out = join(tmp, 'pkg', 'data', 'packages');
    const base = fakeResults('r', '2026-11-20T02:00:00.000Z', []);
    const results = { ...base, run: { ...base.run, scope: { accounts: ['../../../escaped'], regions: ['eu-west-1'] } } };
    await expect(writePackage(out, { results, records: [] })).rejects.toThrow(PathEscapeError);
    expect(await exists(join(tmp, 'pkg'))).toBe(false);
    expect((await readdir(tmp)).some((n) => n.includes('escaped'))).toBe(false);
  });

  it('retention deletes nothing outside the packages folder, whatever the history says', async () => {
    const dir = join(tmp, 'retention');
    const victim = join(tmp, 'victim');
    await mkdir(victim, { recursive: true });
    await writeFile(join(victim, 'manifest.json'), 'keep');
    const store = await HistoryStore.open(dir, TEST_HISTORY_KEY);
    try {
      await store.recordRun({ id: 'r1', startedAt: '2026-11-01T02:00:00.000Z', finishedAt: '2026-11-01T02:00:00.000Z', status: 'succeeded', packagePath: victim, manifestSha256: 'x'.repeat(64) });
      await store.recordRun({ id: 'r2', startedAt: '2026-11-02T02:00:00.000Z', finishedAt: '2026-11-02T02:00:00.000Z', status: 'succeeded', packagePath: join(dir, 'packages', 'p2'), manifestSha256: 'y'.repeat(64) });
      await expect(applyRetention(store, { keepRuns: 1 }, [], new Date('2026-11-03T00:00:00Z'), join(dir, 'packages'))).rejects.toThrow(/is not in .*packages; retention deletes nothing outside it/);
      expect(await readFile(join(victim, 'manifest.json'), 'utf8')).toBe('keep');
      expect((await store.run('r1'))?.prunedAt).toBeFalsy();
    } finally {
      await store.close();
    }
  });
});
