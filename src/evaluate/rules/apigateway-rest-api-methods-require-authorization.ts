// Every method of a REST API except CORS preflight (OPTIONS) must authorize its caller: an
// authorizationType other than NONE (AWS_IAM, a Cognito user pool or a Lambda authorizer). An API key
// alone identifies a client for usage plans; it is not authorization. Judged on the API's current
// resources, which is what the next deployment publishes.
import { eachRestApiResources } from '../resources/api-gateway.ts';
import { fail, notApplicable, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'apigateway-rest-api-methods-require-authorization',
  evidence: ['api-gateway.GetRestApis', 'api-gateway.GetResources'],
  evaluate: (ctx) =>
    eachRestApiResources(ctx, (resources, api) => {
      const methods = resources.flatMap((r) => Object.entries(r.resourceMethods ?? {}).map(([verb, m]) => ({ verb, path: r.path ?? r.id, m }))).filter((x) => x.verb !== 'OPTIONS');
      if (!methods.length) return notApplicable(`REST API ${api.name} has no methods other than CORS preflight.`);
      const types = methods.map(({ verb, path, m }) => ({ verb, path, type: required(m, 'authorizationType', `Method ${verb} ${path} of ${api.name}`) }));
      const open = types.filter((x) => x.type === 'NONE');
      if (open.length) return fail(`REST API ${api.name} has methods anyone can call without authorization: ${open.map(({ verb, path }) => `${verb} ${path}`).join(', ')}.`);
      return pass(`Every method of REST API ${api.name} (${methods.length}) requires authorization (${[...new Set(types.map((x) => x.type))].join(', ')}).`);
    }),
});
