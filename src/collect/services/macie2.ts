// Macie: whether it is enabled in the region, and whether it looks for sensitive data (automated
// discovery or classification jobs). When Macie is off, every call answers "Macie is not enabled".
import { allPages, type Collector } from '../collector.ts';

const macie: Collector = {
  name: 'macie2.session',
  service: 'macie2',
  scope: 'regional',
  produces: ['macie2.GetMacieSession', 'macie2.GetAutomatedDiscoveryConfiguration', 'macie2.ListClassificationJobs'],
  async collect(ctx) {
    const { GetAutomatedDiscoveryConfigurationCommand, GetMacieSessionCommand, paginateListClassificationJobs } = await import('@aws-sdk/client-macie2');
    const client = await ctx.client('macie2');
    const session = await ctx.attempt(() => client.send(new GetMacieSessionCommand({})));
    // Without a session the other calls can only repeat the same error; the rules read the session record.
    if (!session) return;
    await ctx.attempt(() => client.send(new GetAutomatedDiscoveryConfigurationCommand({})));
    await allPages(paginateListClassificationJobs({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [macie];
