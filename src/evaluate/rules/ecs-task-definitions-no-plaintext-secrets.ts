// Secrets (model-provider API keys, database passwords, tokens) must reach containers through the
// task definition's `secrets` (Secrets Manager or Parameter Store references), not as plaintext
// `environment` values, which anyone allowed to describe the task definition can read. A plaintext
// variable named like a secret fails; evidence holds only its name (values are redacted on collection).
import { eachTaskDefinition } from '../resources/compute.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const SECRET_NAME = /(password|passwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential)/i;

export const rule = defineRule({
  controlId: 'ecs-task-definitions-no-plaintext-secrets',
  evidence: ['ecs.ListTaskDefinitionFamilies', 'ecs.DescribeTaskDefinition'],
  documentedAbsences: ['environment'],
  evaluate: (ctx) =>
    eachTaskDefinition(ctx, (t) => {
      const name = `${t.family}:${t.revision}`;
      const found = required(t, 'containerDefinitions', `Task definition ${name}`).flatMap((c) =>
        (c.environment ?? []).filter((e) => SECRET_NAME.test(required(e, 'name', `An environment variable of container ${c.name}`)) && !!e.value).map((e) => `${c.name}: ${e.name}`),
      );
      return found.length
        ? fail(`Task definition ${name} passes secret-named values as plaintext environment variables (${found.join(', ')}); use "secrets" references instead.`)
        : pass(`Task definition ${name} passes no secret-named value as a plaintext environment variable.`);
    }),
});
