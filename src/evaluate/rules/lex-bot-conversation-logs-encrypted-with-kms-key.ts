import { combine, logGroupEncryption, type DestinationVerdict } from '../resources/log-destinations.ts';
import { eachBotAlias, type LogSettings } from '../resources/lex.ts';
import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { notApplicable, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'lex-bot-conversation-logs-encrypted-with-kms-key',
  evidence: ['lex-models-v2.ListBots', 'lex-models-v2.ListBotAliases', 'lex-models-v2.DescribeBotAlias', 'cloudwatch-logs.DescribeLogGroups', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    eachBotAlias(ctx, (d, at) => {
      const logs: LogSettings = d.conversationLogSettings ?? {};
      const parts: DestinationVerdict[] = [];
      for (const t of (logs.textLogSettings ?? []).filter((x) => x.enabled)) {
        const group = t.destination?.cloudWatch?.cloudWatchLogGroupArn;
        parts.push(group ? logGroupEncryption(ctx, at, group) : { ...unknown('a text log setting names no log group'), records: [] });
      }
      for (const a of (logs.audioLogSettings ?? []).filter((x) => x.enabled)) {
        const v = customerKeyVerdict(ctx, at, a.destination?.s3Bucket?.kmsKeyArn, `audio logs in ${a.destination?.s3Bucket?.s3BucketArn ?? 'S3'}`);
        parts.push({ ...v, records: [...(v.records ?? [])] });
      }
      if (!parts.length) return notApplicable('The alias writes no conversation logs, so there are none to protect (see lex-bot-conversation-logs-enabled).');
      const v = combine(parts);
      return { status: v.status, reason: `Conversation log destinations: ${v.reason}.`, records: v.records };
    }),
});
