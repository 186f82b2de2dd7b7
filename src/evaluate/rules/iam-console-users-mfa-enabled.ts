// Every IAM user with a console password must have an MFA device. Users without a login profile
// (IAM answers NoSuchEntity) cannot sign in to the console and are not applicable.
import { forEachAccountDetails, userResource } from '../aws/iam-authorization.ts';
import { fail, judgeCall, notApplicable, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'iam-console-users-mfa-enabled',
  evidence: ['iam.GetAccountAuthorizationDetails', 'iam.GetLoginProfile', 'iam.ListMFADevices'],
  evaluate: (ctx) =>
    forEachAccountDetails(ctx, 'The account has no IAM users.', (d, where) =>
      d.users.map((user) => {
        const login = ctx.evidence.call('iam.GetLoginProfile', where, { UserName: user.UserName });
        if (login.state !== 'ok') {
          return judgeCall(ctx, where, userResource(user), login, {
            ok: () => pass(''),
            notConfigured: () => notApplicable(`User ${user.UserName} has no console password.`),
          });
        }
        const mfa = ctx.evidence.call('iam.ListMFADevices', where, { UserName: user.UserName });
        return judgeCall(
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
        );
      }),
    ),
});
