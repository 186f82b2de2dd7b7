import { eachBotAlias, type LogSettings } from '../resources/lex.ts';
import { fail, pass } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  controlId: 'lex-bot-conversation-logs-enabled',
  evaluate: (ctx) =>
    eachBotAlias(ctx, (d) => {
      const logs: LogSettings = d.conversationLogSettings ?? {};
      const text = (logs.textLogSettings ?? []).filter((t) => t.enabled);
      return text.length
        ? pass(`Text conversation logs go to ${text.map((t) => t.destination?.cloudWatch?.cloudWatchLogGroupArn ?? 'CloudWatch Logs').join(', ')}.`)
        : fail('Conversation text logs are not enabled on this alias: what users said to the bot and what it answered is not recorded.');
    }),
};
