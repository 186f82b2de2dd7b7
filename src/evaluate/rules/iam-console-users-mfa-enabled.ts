// Every IAM user with a console password must have an MFA device. Users without a login profile
// (IAM answers NoSuchEntity) cannot sign in to the console and are not applicable.
import { authorizationDetails, detailsUnknown, globalTargets, userResource } from '../aws/iam-authorization.ts';
import type { Finding } from '../finding.ts';
import { accountResource, judgeCall, pass, fail } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'iam-console-users-mfa-enabled',
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const where of globalTargets(ctx)) {
      const d = authorizationDetails(ctx, where);
      if (!d.ok) {
        findings.push(detailsUnknown(ctx, where, d));
        continue;
      }
      if (d.users.length === 0) {
        findings.push(ctx.finding('not_applicable', where, accountResource(where), 'The account has no IAM users.', d.records));
        continue;
      }
      for (const user of d.users) {
        const login = ctx.evidence.call('iam.GetLoginProfile', where, { UserName: user.UserName });
        if (login.state !== 'ok') {
          findings.push(
            judgeCall(ctx, where, userResource(user), login, {
              ok: () => pass(''),
              notConfigured: () => ({ status: 'not_applicable', reason: `User ${user.UserName} has no console password.` }),
            }),
          );
          continue;
        }
        const mfa = ctx.evidence.call('iam.ListMFADevices', where, { UserName: user.UserName });
        findings.push(
          judgeCall(
            ctx,
            where,
            userResource(user),
            mfa,
            {
              ok: () => {
                const devices = (mfa.state === 'ok' ? mfa.responses : []).flatMap((r) => r?.MFADevices ?? []);
                return devices.length
                  ? pass(`Console user ${user.UserName} has ${devices.length} MFA device(s).`)
                  : fail(`Console user ${user.UserName} can sign in with a password alone: no MFA device.`);
              },
            },
            login.records,
          ),
        );
      }
    }
    return findings;
  },
};
