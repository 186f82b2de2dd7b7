// Amazon Lex V2 bots: each alias's conversation log settings (only DescribeBotAlias returns them).
import { allPages, type Collector } from '../collector.ts';

const botAliases: Collector = {
  name: 'lex-models-v2.bot-aliases',
  service: 'lex-models-v2',
  scope: 'regional',
  produces: ['lex-models-v2.ListBots', 'lex-models-v2.ListBotAliases', 'lex-models-v2.DescribeBotAlias'],
  async collect(ctx) {
    const { DescribeBotAliasCommand, paginateListBotAliases, paginateListBots } = await import('@aws-sdk/client-lex-models-v2');
    const client = await ctx.client('lex-models-v2');
    const bots = (await allPages(paginateListBots({ client, pageSize: 100 }, {}))).flatMap((p) => p.botSummaries ?? []);
    await ctx.forEach(bots, async ({ botId }) => {
      const pages = await allPages(paginateListBotAliases({ client, pageSize: 100 }, { botId }));
      const aliasIds = pages.flatMap((p) => p.botAliasSummaries ?? []).map((a) => a.botAliasId!);
      await ctx.forEach(aliasIds, (botAliasId) => client.send(new DescribeBotAliasCommand({ botId, botAliasId })));
    });
  },
};

export const collectors: Collector[] = [botAliases];
