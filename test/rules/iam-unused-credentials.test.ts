import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/evaluate/aws/iam-credential-report.ts';
import { rule } from '../../src/evaluate/rules/iam-unused-credentials-disabled.ts';
import { failed, ok, runRule, statuses, TEST_TIME } from '../helpers/evidence.ts';

const G = { region: 'global' };
const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date';
const ago = (days: number) => new Date(new Date(TEST_TIME).getTime() - days * 86_400_000).toISOString().replace('.000Z', '+00:00');
const report = (...rows: string[][]) => ok('iam.GetCredentialReport', { Content: Buffer.from([HEADER, ...rows.map((r) => r.join(','))].join('\n')).toString('base64') }, G);
const user = (name: string, pw: [string, string, string], k1: [string, string, string], k2: [string, string, string] = ['false', 'N/A', 'N/A']) => [name, `arn:aws:iam::111122223333:user/${name}`, ago(900), ...pw, ...k1, ...k2];
const NO_PW: [string, string, string] = ['false', 'N/A', 'N/A'];
const NO_KEY: [string, string, string] = ['false', 'N/A', 'N/A'];

describe('iam-unused-credentials-disabled', () => {
  it('fails a password or active key idle for more than 45 days, counting never-used ones from when they were set', () => {
    const f = runRule(rule, [
      report(
        ['<root_account>', 'arn:aws:iam::111122223333:root', ago(900), 'not_supported', ago(400), 'not_supported', 'true', ago(900), ago(800), 'false', 'N/A', 'N/A'],
        user('recent', ['true', ago(3), ago(100)], ['true', ago(200), ago(45)]),
        user('idle-password', ['true', ago(46), ago(100)], NO_KEY),
        user('never-signed-in', ['true', 'N/A', ago(60)], NO_KEY),
        user('new-key', NO_PW, ['true', ago(10), 'N/A']),
        user('old-unused-key', NO_PW, ['true', ago(10), ago(5)], ['true', ago(90), 'N/A']),
        user('inactive-only', NO_PW, ['false', ago(400), ago(399)]),
      ),
    ]);
    expect(f.map((x) => [x.resource.id, x.status])).toEqual([
      ['recent', 'pass'],
      ['idle-password', 'fail'],
      ['never-signed-in', 'fail'],
      ['new-key', 'pass'],
      ['old-unused-key', 'fail'],
      ['inactive-only', 'not_applicable'],
    ]);
    expect(f[4]!.reason).toContain('access key 2');
    expect(f[4]!.reason).not.toContain('access key 1,');
  });

  it('is unknown when the report could not be read, a column is missing or a date is unreadable', () => {
    expect(statuses(runRule(rule, [failed('iam.GetCredentialReport', G, { name: 'CredentialReportNotReadyException', httpStatus: 410, message: 'not ready' })]))).toEqual(['unknown']);
    expect(statuses(runRule(rule, []))).toEqual(['unknown']);
    expect(statuses(runRule(rule, [ok('iam.GetCredentialReport', {}, G)]))).toEqual(['unknown']);
    const noKeyColumns = ok('iam.GetCredentialReport', { Content: Buffer.from(`user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed\nu,arn:aws:iam::111122223333:user/u,${ago(9)},false,N/A,N/A`).toString('base64') }, G);
    expect(statuses(runRule(rule, [noKeyColumns]))).toEqual(['unknown']);
    expect(statuses(runRule(rule, [report(user('bad-date', ['true', 'yesterday', ago(9)], NO_KEY), user('fine', ['true', ago(1), ago(9)], NO_KEY))]))).toEqual(['unknown', 'pass']);
    expect(statuses(runRule(rule, [report(user('odd-flag', ['maybe', 'N/A', 'N/A'], NO_KEY))]))).toEqual(['unknown']);
  });

  it('is not_applicable when the report lists only the root user', () => {
    expect(statuses(runRule(rule, [report(['<root_account>', 'arn:aws:iam::111122223333:root', ago(900), 'not_supported', ago(4), 'not_supported', 'false', 'N/A', 'N/A', 'false', 'N/A', 'N/A'])]))).toEqual(['not_applicable']);
  });

  it('parses quoted fields with commas, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"x,y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x,y', 'say "hi"']]);
  });
});
