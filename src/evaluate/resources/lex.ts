// Lex V2 bot aliases and their conversation log settings. The built-in TestBotAlias is left out: it
// exists on every bot, serves only the console's test window and is throttled for testing.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachChild } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { judgeCall, type Verdict } from '../rule-helpers.ts';

interface Bot { botId: string; botName: string }
interface Alias { botAliasId: string; botAliasName: string }

export const TEST_ALIAS_NAME = 'TestBotAlias';

export function eachBotAlias(ctx: RuleContext, judge: (described: any, at: Target) => Verdict & { records?: EvidenceRecord[] }): Finding[] {
  return forEachChild(
    ctx,
    { key: 'lex-models-v2.ListBots', scope: 'regional', items: (r) => r.botSummaries, noun: 'Lex bots' },
    {
      key: 'lex-models-v2.ListBotAliases',
      input: (b: Bot) => ({ botId: b.botId }),
      items: (r) => r.botAliasSummaries,
      noun: 'bot aliases (other than TestBotAlias)',
      parentResource: (b: Bot) => ({ type: 'AWS::Lex::Bot', id: b.botName ?? b.botId }),
      filter: (a: Alias) => a.botAliasName !== TEST_ALIAS_NAME,
    },
    (a: Alias, b: Bot, at, records) => {
      let extra: EvidenceRecord[] = [];
      const finding = judgeCall(
        ctx,
        at,
        { type: 'AWS::Lex::BotAlias', id: `${b.botName ?? b.botId}/${a.botAliasName}` },
        ctx.evidence.call('lex-models-v2.DescribeBotAlias', at, { botId: b.botId, botAliasId: a.botAliasId }),
        {
          ok: (d) => {
            const v = judge(d, at);
            extra = v.records ?? [];
            return v;
          },
        },
        records,
      );
      return extra.length ? { ...finding, evidence: [...new Set([...finding.evidence, ...extra.map((r) => r.id)])].sort() } : finding;
    },
  );
}

export interface LogSettings {
  textLogSettings?: { enabled?: boolean; destination?: { cloudWatch?: { cloudWatchLogGroupArn?: string } } }[];
  audioLogSettings?: { enabled?: boolean; destination?: { s3Bucket?: { s3BucketArn?: string; kmsKeyArn?: string } } }[];
}
