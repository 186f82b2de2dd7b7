import { eachBotAlias, type LogSettings } from '../resources/lex.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'lex-bot-conversation-logs-enabled',
  evidence: ['lex-models-v2.ListBots', 'lex-models-v2.ListBotAliases', 'lex-models-v2.DescribeBotAlias'],
  evaluate: (ctx) =>
    eachBotAlias(ctx, (d) => {
      const logs: LogSettings = d.conversationLogSettings ?? {};
      const text = (logs.textLogSettings ?? []).filter((t) => t.enabled);
      return text.length
        ? pass(`Text conversation logs go to ${text.map((t) => t.destination?.cloudWatch?.cloudWatchLogGroupArn ?? 'CloudWatch Logs').join(', ')}.`)
        : fail('Conversation text logs are not enabled on this alias: what users said to the bot and what it answered is not recorded.');
    }),
});
