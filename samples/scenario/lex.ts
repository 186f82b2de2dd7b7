// Amazon Lex V2 in the sample account: a patient-intake bot with encrypted text and audio logs
// (eu-west-1) and an appointment bot whose production alias logs to an unencrypted log group and
// whose staging alias logs nothing (us-east-1).
import type { BotAliasSummary, DescribeBotAliasCommandOutput, ListBotAliasesCommandOutput, ListBotsCommandOutput } from '@aws-sdk/client-lex-models-v2';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, daysBefore, keyArn, KEYS, LOG_GROUPS } from './account.ts';

const logGroupArn = (g: { name: string; region: string }) => `arn:aws:logs:${g.region}:${ACCOUNT}:log-group:${g.name}`;

interface Alias { id: string; name: string; text?: { name: string; region: string }; audio?: { bucket: string; kmsKey?: string } }
interface Bot { id: string; name: string; region: string; aliases: Alias[] }

const TEST_ALIAS: Alias = { id: 'TSTALIASID', name: 'TestBotAlias' };
const BOTS: Bot[] = [
  {
    id: 'PXK3QZ8W1M',
    name: 'patient-intake',
    region: 'eu-west-1',
    aliases: [TEST_ALIAS, { id: 'PRD7HJ2KQL', name: 'production', text: LOG_GROUPS.lexIntake, audio: { bucket: 'acme-health-lex-audio-logs', kmsKey: keyArn(KEYS.mlData.region, KEYS.mlData.id) } }],
  },
  {
    id: 'AQ5N7T2C9V',
    name: 'appointment-scheduler',
    region: 'us-east-1',
    aliases: [TEST_ALIAS, { id: 'LIVE3R8BZX', name: 'live', text: LOG_GROUPS.lexAppointments }, { id: 'STG6M1DWPE', name: 'staging' }],
  },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListBotsCommandOutput>('lex-models-v2.ListBots', (_input, t) => ({
    botSummaries: BOTS.filter((b) => b.region === t.region).map((b) => ({ botId: b.id, botName: b.name, botStatus: 'Available', latestBotVersion: '4', lastUpdatedDateTime: daysBefore(14), botType: 'Bot' })),
  }));
  sim.on<ListBotAliasesCommandOutput>('lex-models-v2.ListBotAliases', (input, t) => {
    const b = BOTS.find((x) => x.id === input.botId && x.region === t.region);
    if (!b) return simError('ResourceNotFoundException', 404, `Bot ${input.botId} not found`);
    const summaries: BotAliasSummary[] = b.aliases.map((a) => ({ botAliasId: a.id, botAliasName: a.name, botVersion: a === TEST_ALIAS ? 'DRAFT' : '4', botAliasStatus: 'Available', creationDateTime: daysBefore(90), lastUpdatedDateTime: daysBefore(14) }));
    return { botId: b.id, botAliasSummaries: summaries };
  });
  sim.on<DescribeBotAliasCommandOutput>('lex-models-v2.DescribeBotAlias', (input, t) => {
    const b = BOTS.find((x) => x.id === input.botId && x.region === t.region);
    const a = b?.aliases.find((x) => x.id === input.botAliasId);
    if (!b || !a) return simError('ResourceNotFoundException', 404, `Bot alias ${input.botAliasId} not found`);
    return {
      botId: b.id,
      botAliasId: a.id,
      botAliasName: a.name,
      botVersion: a === TEST_ALIAS ? 'DRAFT' : '4',
      botAliasStatus: 'Available',
      sentimentAnalysisSettings: { detectSentiment: false },
      conversationLogSettings: {
        textLogSettings: a.text ? [{ enabled: true, destination: { cloudWatch: { cloudWatchLogGroupArn: logGroupArn(a.text), logPrefix: `${b.name}/${a.name}/` } } }] : [],
        audioLogSettings: a.audio ? [{ enabled: true, destination: { s3Bucket: { s3BucketArn: `arn:aws:s3:::${a.audio.bucket}`, logPrefix: `${b.name}/`, kmsKeyArn: a.audio.kmsKey } } }] : [],
      },
      creationDateTime: daysBefore(90),
      lastUpdatedDateTime: daysBefore(14),
    };
  });
}
