import { macieSession } from '../aws/macie-session.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'macie-enabled',
  evidence: ['macie2.GetMacieSession'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const s = macieSession(ctx, where);
      const res = accountResource(where);
      switch (s.state) {
        case 'enabled':
          return ctx.finding('pass', where, res, `Amazon Macie is enabled (since ${s.response.createdAt ?? 'n/a'}).`, s.call.records);
        case 'paused':
          return ctx.finding('fail', where, res, `Amazon Macie is ${s.response?.status ?? 'not enabled'}: no sensitive-data discovery runs.`, s.call.records);
        case 'not_enabled':
          return ctx.finding('fail', where, res, 'Amazon Macie is not enabled in this region (AWS answered "Macie is not enabled").', s.call.records);
        default:
          return ctx.finding('unknown', where, res, s.error, s.call.records);
      }
    }),
});
