// ListSecrets reports RotationEnabled; a secret that never had rotation configured may leave it out,
// which is judged as "not enabled" (a fail), never as a pass.
import { eachSecret } from '../resources/secrets.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'secrets-manager-secrets-rotation-enabled',
  evidence: ['secrets-manager.ListSecrets'],
  evaluate: (ctx) =>
    eachSecret(ctx, (s) => {
      if (s.RotationEnabled !== true) return fail('Automatic rotation is not enabled: the secret stays valid until someone changes it by hand.');
      const every = s.RotationRules?.AutomaticallyAfterDays ?? s.RotationRules?.ScheduleExpression;
      return pass(`Automatic rotation is enabled${every !== undefined ? ` (${typeof every === 'number' ? `every ${every} days` : every})` : ''}${s.OwningService ? `, managed by ${s.OwningService}` : ''}.`);
    }),
});
