// Identity policies that let callers invoke any Bedrock model must also pin where the call comes from
// (aws:SourceIp, aws:SourceVpc or aws:SourceVpce) and require TLS (aws:SecureTransport), as in the
// seed's Bedrock API policy example.
import { forEachAccountDetails, policiesInForce } from '../aws/iam-authorization.ts';
import { conditionKeys, conditionValues, coversAction, onAllResources, type Statement } from '../aws/policy-document.ts';
import { defineRule } from '../rule.ts';

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

export const rule = defineRule({
  controlId: 'iam-bedrock-invoke-restricted-by-network-and-tls',
  evidence: ['iam.GetAccountAuthorizationDetails'],
  evaluate: (ctx) =>
    forEachAccountDetails(ctx, 'No identity policy in force grants bedrock:InvokeModel on every resource.', (d, where) =>
      policiesInForce(d).flatMap((p) => {
        if (!p.statements) return [ctx.finding('unknown', where, p.resource, `${p.label}: ${p.parseError}`, d.records)];
        const grants = p.statements.filter(grantsInvokeOnAnyModel);
        // Policies that do not grant invoke on every model are not what this control is about.
        if (grants.length === 0) return [];
        const gaps = grants.map((s) => ({ s, missing: missingConditions(s) })).filter((g) => g.missing.length > 0);
        return [
          gaps.length
            ? ctx.finding('fail', where, p.resource, `${p.label} allows bedrock:InvokeModel on every model without ${gaps[0]!.missing.join(' and ')}${gaps[0]!.s.sid ? ` (statement ${gaps[0]!.s.sid})` : ''}.`, d.records)
            : ctx.finding('pass', where, p.resource, `${p.label} allows bedrock:InvokeModel on every model only from an approved network and over TLS.`, d.records),
        ];
      }),
    ),
});
