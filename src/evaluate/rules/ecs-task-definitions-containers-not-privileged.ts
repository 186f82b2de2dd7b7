// No container of a task definition's latest active revision may run privileged (root on the host),
// and with host networking (the container shares the host's network stack) none may run as root: a
// user that is absent (the image's default, usually root), "root" or UID 0 fails. "privileged" absent
// is documented as false.
import { eachTaskDefinition } from '../resources/compute.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const isRoot = (user: string | undefined) => !user || /^(root|0)(:|$)/.test(user);

export const rule = defineRule({
  controlId: 'ecs-task-definitions-containers-not-privileged',
  evidence: ['ecs.ListTaskDefinitionFamilies', 'ecs.DescribeTaskDefinition'],
  documentedAbsences: ['privileged', 'user', 'networkMode'],
  evaluate: (ctx) =>
    eachTaskDefinition(ctx, (t) => {
      const name = `${t.family}:${t.revision}`;
      const containers = required(t, 'containerDefinitions', `Task definition ${name}`);
      const hostNetwork = t.networkMode === 'host';
      const problems = containers.flatMap((c) => {
        const who = `container ${c.name}`;
        if (c.privileged === true) return [`${who} runs privileged`];
        return hostNetwork && isRoot(c.user) ? [`${who} runs as root (${c.user ?? 'no user set'}) with host networking`] : [];
      });
      return problems.length ? fail(`Task definition ${name}: ${problems.join('; ')}.`) : pass(`No container of task definition ${name} runs privileged${hostNetwork ? ' or as root' : ''}${hostNetwork ? ' (host networking)' : ` (network mode ${t.networkMode ?? 'default'})`}.`);
    }),
});
