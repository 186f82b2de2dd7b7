// Identity policies that let callers invoke any Bedrock model must also pin where the call comes from
// (aws:SourceIp, aws:SourceVpc or aws:SourceVpce) and require TLS (aws:SecureTransport), as in the
// seed's Bedrock API policy example.
import { authorizationDetails, detailsUnknown, globalTargets, policiesInForce } from '../aws/iam-authorization.ts';
import { conditionKeys, conditionValues, coversAction, onAllResources, type Statement } from '../aws/policy-document.ts';
import type { Finding } from '../finding.ts';
import { accountResource } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

const NETWORK_KEYS = ['aws:sourceip', 'aws:sourcevpc', 'aws:sourcevpce'];

function grantsInvokeOnAnyModel(s: Statement): boolean {
  return s.effect === 'Allow' && onAllResources(s) && coversAction(s, 'bedrock:InvokeModel');
}

/** What the statement lacks of the required conditions (empty when it has both). */
function missingConditions(s: Statement): string[] {
  const keys = conditionKeys(s);
  const missing: string[] = [];
  if (!NETWORK_KEYS.some((k) => keys.has(k))) missing.push('a source network condition (aws:SourceIp, aws:SourceVpc or aws:SourceVpce)');
  if (!conditionValues(s, 'Bool', 'aws:SecureTransport').some((v) => v.toLowerCase() === 'true')) missing.push('aws:SecureTransport "true"');
  return missing;
}

export const rule: Rule = {
  controlId: 'iam-bedrock-invoke-restricted-by-network-and-tls',
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const where of globalTargets(ctx)) {
      const d = authorizationDetails(ctx, where);
      if (!d.ok) {
        findings.push(detailsUnknown(ctx, where, d));
        continue;
      }
      let relevant = 0;
      for (const p of policiesInForce(d)) {
        if (!p.statements) {
          findings.push(ctx.finding('unknown', where, p.resource, `${p.label}: ${p.parseError}`, d.records));
          continue;
        }
        const grants = p.statements.filter(grantsInvokeOnAnyModel);
        if (grants.length === 0) continue;
        relevant++;
        const gaps = grants.map((s) => ({ s, missing: missingConditions(s) })).filter((g) => g.missing.length > 0);
        findings.push(
          gaps.length
            ? ctx.finding('fail', where, p.resource, `${p.label} allows bedrock:InvokeModel on every model without ${gaps[0]!.missing.join(' and ')}${gaps[0]!.s.sid ? ` (statement ${gaps[0]!.s.sid})` : ''}.`, d.records)
            : ctx.finding('pass', where, p.resource, `${p.label} allows bedrock:InvokeModel on every model only from an approved network and over TLS.`, d.records),
        );
      }
      if (relevant === 0 && !findings.some((f) => f.account === where.account)) {
        findings.push(ctx.finding('not_applicable', where, accountResource(where), 'No identity policy in force grants bedrock:InvokeModel on every resource.', d.records));
      }
    }
    return findings;
  },
};
