import { macieSession } from '../aws/macie-session.ts';
import { accountResource, targets } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

// Enabled Macie finds nothing until it is told to look: automated discovery, or a scheduled
// classification job that is still active.
const ACTIVE_JOB = new Set(['RUNNING', 'IDLE']);

export const rule = defineRule({
  controlId: 'macie-sensitive-data-discovery-enabled',
  evidence: ['macie2.GetMacieSession', 'macie2.GetAutomatedDiscoveryConfiguration', 'macie2.ListClassificationJobs'],
  evaluate: (ctx) =>
    targets(ctx, 'regional').map((where) => {
      const res = accountResource(where);
      const s = macieSession(ctx, where);
      if (s.state === 'not_enabled') return ctx.finding('fail', where, res, 'Amazon Macie is not enabled in this region, so no sensitive-data discovery runs.', s.call.records);
      if (s.state === 'unknown') return ctx.finding('unknown', where, res, s.error, s.call.records);
      if (s.state === 'paused') return ctx.finding('fail', where, res, `Amazon Macie is ${s.response?.status}: discovery is suspended.`, s.call.records);
      const auto = ctx.evidence.call('macie2.GetAutomatedDiscoveryConfiguration', where);
      const jobs = ctx.evidence.call('macie2.ListClassificationJobs', where);
      const records = [...s.call.records, ...auto.records, ...jobs.records];
      if (auto.state === 'ok' && auto.responses[0]?.status === 'ENABLED') return ctx.finding('pass', where, res, 'Automated sensitive data discovery is enabled.', records);
      const scheduled = jobs.state === 'ok' ? jobs.responses.flatMap((r) => r.items ?? []).filter((j) => j.jobType === 'SCHEDULED' && ACTIVE_JOB.has(j.jobStatus ?? '')) : [];
      if (scheduled.length) return ctx.finding('pass', where, res, `Scheduled classification job(s) active: ${scheduled.map((j) => j.name ?? j.jobId).join(', ')}.`, records);
      if (auto.state !== 'ok' || jobs.state !== 'ok') return ctx.finding('unknown', where, res, `Could not read Macie discovery settings: ${auto.state !== 'ok' ? auto.error : ''} ${jobs.state !== 'ok' ? jobs.error : ''}`.trim(), records);
      return ctx.finding('fail', where, res, `Macie is enabled but automated discovery is ${auto.responses[0]?.status ?? 'DISABLED'} and no scheduled classification job is active: S3 is not scanned for sensitive data.`, records);
    }),
});
