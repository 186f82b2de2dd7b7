// A function's resource-based policy must not let anyone invoke it: an Allow to every principal ("*"),
// or to an AWS service principal (any account's bucket, topic or API could then trigger it), without a
// condition that narrows the caller to the organization's own accounts or resources. A function
// without a policy (ResourceNotFoundException) can only be invoked by IAM principals allowed to: pass.
import { conditionKeys, parsePolicy, principals, type Statement } from '../aws/policy-document.ts';
import { eachFunction, functionResource } from '../resources/compute.ts';
import { fail, judgeCall, pass, required, unknown, type Verdict } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

/** Condition keys that confine a caller to named accounts, organizations, resources or networks. */
const NARROWING = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount', 'aws:principalarn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceorgid', 'lambda:eventsourcetoken'];

function openTo(s: Statement): string | undefined {
  if (s.effect !== 'Allow') return undefined;
  const keys = conditionKeys(s);
  if (NARROWING.some((k) => keys.has(k))) return undefined;
  if (principals(s, 'AWS').includes('*')) return 'every principal';
  const services = principals(s, 'Service');
  return services.length ? `${services.join(', ')} on behalf of any account` : undefined;
}

function judgePolicy(name: string, policy: unknown): Verdict {
  try {
    const open = parsePolicy(policy).flatMap((s) => {
      const who = openTo(s);
      return who ? [`${s.sid ? `statement "${s.sid}" ` : ''}allows ${who} ${s.actions.join(', ')}`] : [];
    });
    return open.length ? fail(`The policy of function ${name} ${open.join('; ')}, with no condition naming the caller's account, organization or source.`) : pass(`The policy of function ${name} grants invocation only to named principals or narrowed sources.`);
  } catch (err) {
    return unknown(`The policy of function ${name} could not be parsed: ${(err as Error).message}`);
  }
}

export const rule = defineRule({
  controlId: 'lambda-functions-not-publicly-invokable',
  evidence: ['lambda.ListFunctions', 'lambda.GetPolicy'],
  evaluate: (ctx) =>
    eachFunction(ctx, (f, at, records) => {
      const name = functionResource(f).id;
      return judgeCall(ctx, at, functionResource(f), ctx.evidence.call('lambda.GetPolicy', at, { FunctionName: name }), {
        ok: (r) => judgePolicy(name, required(r, 'Policy', `GetPolicy of ${name}`)),
        notConfigured: () => pass(`Function ${name} has no resource-based policy, so only IAM principals allowed by their own policies can invoke it.`),
      }, records);
    }),
});
