// Every route of an HTTP API except CORS preflight (OPTIONS ...) must authorize its caller
// (AuthorizationType AWS_IAM, JWT or CUSTOM, never NONE). A WebSocket API authorizes once, on its
// $connect route, so only that route is judged there.
import { eachHttpApiRoutes, type HttpApi, type HttpRoute } from '../resources/api-gateway.ts';
import { fail, notApplicable, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

function judgedRoutes(routes: HttpRoute[], api: HttpApi): HttpRoute[] {
  const websocket = required(api, 'ProtocolType', `API ${api.Name}`) === 'WEBSOCKET';
  return routes.filter((r) => {
    const key = required(r, 'RouteKey', `A route of ${api.Name}`);
    return websocket ? key === '$connect' : !key.startsWith('OPTIONS ');
  });
}

export const rule = defineRule({
  controlId: 'apigatewayv2-routes-require-authorization',
  evidence: ['apigatewayv2.GetApis', 'apigatewayv2.GetRoutes'],
  evaluate: (ctx) =>
    eachHttpApiRoutes(ctx, (routes, api) => {
      const judged = judgedRoutes(routes, api);
      if (!judged.length) return notApplicable(`${api.ProtocolType} API ${api.Name} has no routes that take requests (only CORS preflight, or no $connect route).`);
      const open = judged.filter((r) => required(r, 'AuthorizationType', `Route ${r.RouteKey} of ${api.Name}`) === 'NONE');
      if (open.length) return fail(`${api.ProtocolType} API ${api.Name} has routes anyone can call without authorization: ${open.map((r) => r.RouteKey).join(', ')}.`);
      return pass(`Every judged route of ${api.ProtocolType} API ${api.Name} (${judged.length}) requires authorization (${[...new Set(judged.map((r) => r.AuthorizationType))].join(', ')}).`);
    }),
});
