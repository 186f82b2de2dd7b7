// Lex V2 bot aliases and their conversation log settings. The built-in TestBotAlias is left out: it
// exists on every bot, serves only the console's test window and is throttled for testing.
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding } from '../finding.ts';
import { forEachChild } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { judgeCall, required, type Verdict } from '../rule-helpers.ts';

type AliasKeys = 'lex-models-v2.ListBots' | 'lex-models-v2.ListBotAliases' | 'lex-models-v2.DescribeBotAlias';
type Bot = NonNullable<EvidenceResponse<'lex-models-v2.ListBots'>['botSummaries']>[number];
type Alias = NonNullable<EvidenceResponse<'lex-models-v2.ListBotAliases'>['botAliasSummaries']>[number];

export const TEST_ALIAS_NAME = 'TestBotAlias';

export function eachBotAlias(ctx: RuleContext<AliasKeys>, judge: (described: EvidenceResponse<'lex-models-v2.DescribeBotAlias'>, at: Target) => Verdict): Finding[] {
  return forEachChild(
    ctx,
    { key: 'lex-models-v2.ListBots', scope: 'regional', items: (r) => r.botSummaries, noun: 'Lex bots' },
    {
      key: 'lex-models-v2.ListBotAliases',
      input: (b) => ({ botId: required(b, 'botId') }),
      items: (r) => r.botAliasSummaries,
      noun: 'bot aliases (other than TestBotAlias)',
      parentResource: (b) => ({ type: 'AWS::Lex::Bot', id: b.botName ?? required(b, 'botId') }),
      filter: (a) => required(a, 'botAliasName', 'A bot alias') !== TEST_ALIAS_NAME,
    },
    (a: Alias, b: Bot, at, records) =>
      judgeCall(
        ctx,
        at,
        { type: 'AWS::Lex::BotAlias', id: `${b.botName ?? b.botId}/${required(a, 'botAliasName')}` },
        ctx.evidence.call('lex-models-v2.DescribeBotAlias', at, { botId: b.botId, botAliasId: a.botAliasId }),
        { ok: (d) => judge(d, at) },
        records,
      ),
  );
}

export type LogSettings = NonNullable<EvidenceResponse<'lex-models-v2.DescribeBotAlias'>['conversationLogSettings']>;
