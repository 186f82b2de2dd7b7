import { ALL_KEY_TYPES } from '../../collect/call-inputs.ts';
import { daysBetween, fail, forEachListed, pass, required, toDate, unknown, type Verdict, judged } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';
import { RULE_THRESHOLDS } from '../rule-thresholds.ts';

// Certificates that are issued must not expire within 30 days; failed, expired, revoked or timed-out
// ones fail. Pending and inactive requests are not yet in service and are not judged.
const WINDOW_DAYS = RULE_THRESHOLDS.certificateExpiryWindowDays;
const BROKEN = new Set(['FAILED', 'EXPIRED', 'REVOKED', 'VALIDATION_TIMED_OUT']);

export const rule = defineRule({
  controlId: 'acm-certificates-valid-and-not-expiring',
  evidence: ['acm.ListCertificates'],
  evaluate: (ctx) =>
    forEachListed(
      ctx,
      { key: 'acm.ListCertificates', scope: 'regional', input: { Includes: { keyTypes: ALL_KEY_TYPES } }, items: (r) => r.CertificateSummaryList, noun: 'issued or failed ACM certificates', filter: (c) => c.Status === 'ISSUED' || BROKEN.has(required(c, 'Status', `Certificate ${c.CertificateArn}`)) },
      (c, where, records) => {
        const notAfter = toDate(c.NotAfter);
        const use = c.InUse ? 'in use' : 'not in use';
        let v: Verdict;
        if (BROKEN.has(c.Status ?? '')) v = fail(`Certificate for ${c.DomainName} is ${c.Status} (${use}).`);
        else if (!notAfter) v = unknown(`Certificate for ${c.DomainName} is issued but ACM did not report its expiry.`);
        else {
          const days = daysBetween(ctx.params.now, notAfter);
          v = days < WINDOW_DAYS
            ? fail(`Certificate for ${c.DomainName} (${use}) expires in ${days} days on ${notAfter.toISOString().slice(0, 10)}${c.RenewalEligibility === 'ELIGIBLE' ? ': managed renewal has not succeeded' : ' and is not eligible for managed renewal'}.`)
            : pass(`Certificate for ${c.DomainName} is issued and valid until ${notAfter.toISOString().slice(0, 10)} (${days} days).`);
        }
        const arn = required(c, 'CertificateArn', 'A listed certificate');
        return judged(ctx, where, { type: 'AWS::CertificateManager::Certificate', id: arn.split('/').pop() ?? arn, arn }, v, records);
      },
    ),
});
