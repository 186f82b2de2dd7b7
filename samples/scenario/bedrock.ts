// Amazon Bedrock in the sample account: invocation logging only in eu-west-1, a strict and a lax
// guardrail, two custom models (customer key / AWS-owned key) and their customization jobs.
import type {
  GetCustomModelCommandOutput,
  GetGuardrailCommandOutput,
  GetModelCustomizationJobCommandOutput,
  GetModelInvocationLoggingConfigurationCommandOutput,
  GuardrailContentFilter,
  ListCustomModelsCommandOutput,
  ListGuardrailsCommandOutput,
  ListModelCustomizationJobsCommandOutput,
} from '@aws-sdk/client-bedrock';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, BUCKETS, daysBefore, keyArn, KEYS, LOG_GROUPS, NETWORK, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);
const BASE_MODEL = 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-express-v1:0:8k';

const filter = (type: GuardrailContentFilter['type'], input: GuardrailContentFilter['inputStrength'], output: GuardrailContentFilter['outputStrength']): GuardrailContentFilter => ({
  type,
  inputStrength: input,
  outputStrength: output,
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  inputAction: 'BLOCK',
  outputAction: 'BLOCK',
  inputEnabled: true,
  outputEnabled: true,
});

const GUARDRAILS = [
  {
    id: 'h7x2k9m4q1ab',
    name: 'clinical-assistant-strict',
    region: 'eu-west-1',
    filters: [
      ...(['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'] as const).map((t) => filter(t, 'HIGH', 'HIGH')),
      filter('PROMPT_ATTACK', 'HIGH', 'NONE'),
    ],
    pii: [
      { type: 'NAME' as const, action: 'ANONYMIZE' as const },
      { type: 'US_SOCIAL_SECURITY_NUMBER' as const, action: 'BLOCK' as const },
      { type: 'EMAIL' as const, action: 'ANONYMIZE' as const },
      { type: 'PHONE' as const, action: 'ANONYMIZE' as const },
    ],
  },
  {
    id: 'p3n8w5r2t6cd',
    name: 'marketing-copy-default',
    region: 'eu-west-1',
    // Console defaults a team never tightened: MEDIUM inputs, no MISCONDUCT filter, prompt attacks only LOW.
    filters: [...(['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE'] as const).map((t) => filter(t, 'MEDIUM', 'MEDIUM')), filter('PROMPT_ATTACK', 'LOW', 'NONE')],
    pii: [],
  },
];

const CUSTOM_MODELS = [
  { name: 'discharge-summary-titan-ft', region: 'eu-west-1', kmsKey: ML_KEY, job: 'discharge-summary-ft-2026-10', vpc: true },
  { name: 'triage-notes-titan-ft', region: 'eu-west-1', kmsKey: undefined, job: 'triage-notes-ft-2026-08', vpc: false },
];
const modelArn = (region: string, name: string) => arn('bedrock', region, `custom-model/amazon.titan-text-express-v1:0:8k/${name}`);
const jobArn = (region: string, name: string) => arn('bedrock', region, `model-customization-job/amazon.titan-text-express-v1:0:8k/${name}`);

export function register(sim: SimulatedAws): void {
  sim.on<GetModelInvocationLoggingConfigurationCommandOutput>('bedrock.GetModelInvocationLoggingConfiguration', (_input, t) =>
    t.region === LOG_GROUPS.bedrockInvocations.region
      ? {
          loggingConfig: {
            s3Config: { bucketName: BUCKETS.bedrockLogs.name, keyPrefix: 'invocations/' },
            // Payloads over 100 KB go to the artifacts bucket, which has only SSE-S3: the weak spot of this setup.
            cloudWatchConfig: { logGroupName: LOG_GROUPS.bedrockInvocations.name, roleArn: roleArn('AcmeBedrockInvocationLogging'), largeDataDeliveryS3Config: { bucketName: BUCKETS.modelArtifacts.name, keyPrefix: 'bedrock-large-payloads/' } },
            textDataDeliveryEnabled: true,
            imageDataDeliveryEnabled: false,
            embeddingDataDeliveryEnabled: false,
          },
        }
      : // Never set up in us-east-1: AWS answers with no loggingConfig.
        {},
  );

  sim.on<ListGuardrailsCommandOutput>('bedrock.ListGuardrails', (_input, t) => ({
    guardrails: GUARDRAILS.filter((g) => g.region === t.region).map((g) => ({
      id: g.id,
      arn: arn('bedrock', t.region, `guardrail/${g.id}`),
      name: g.name,
      status: 'READY',
      version: 'DRAFT',
      createdAt: daysBefore(75),
      updatedAt: daysBefore(12),
    })),
  }));
  sim.on<GetGuardrailCommandOutput>('bedrock.GetGuardrail', (input, t) => {
    const g = GUARDRAILS.find((x) => x.id === input.guardrailIdentifier && x.region === t.region);
    if (!g) return simError('ResourceNotFoundException', 404, `Guardrail ${input.guardrailIdentifier} not found`);
    return {
      name: g.name,
      guardrailId: g.id,
      guardrailArn: arn('bedrock', t.region, `guardrail/${g.id}`),
      version: 'DRAFT',
      status: 'READY',
      contentPolicy: { filters: g.filters, tier: { tierName: 'CLASSIC' } },
      ...(g.pii.length ? { sensitiveInformationPolicy: { piiEntities: g.pii, regexes: [{ name: 'medical-record-number', pattern: 'MRN-\\d{8}', action: 'ANONYMIZE' }] } } : {}),
      blockedInputMessaging: 'Sorry, this request cannot be processed.',
      blockedOutputsMessaging: 'Sorry, the response was blocked by policy.',
      createdAt: daysBefore(75),
      updatedAt: daysBefore(12),
    };
  });

  sim.on<ListCustomModelsCommandOutput>('bedrock.ListCustomModels', (_input, t) => ({
    modelSummaries: CUSTOM_MODELS.filter((m) => m.region === t.region).map((m) => ({
      modelArn: modelArn(t.region, m.name),
      modelName: m.name,
      creationTime: daysBefore(40),
      baseModelArn: BASE_MODEL,
      baseModelName: 'Titan Text G1 - Express',
      customizationType: 'FINE_TUNING',
    })),
  }));
  sim.on<GetCustomModelCommandOutput>('bedrock.GetCustomModel', (input, t) => {
    const m = CUSTOM_MODELS.find((x) => modelArn(t.region, x.name) === input.modelIdentifier);
    if (!m) return simError('ResourceNotFoundException', 404, `Model ${input.modelIdentifier} not found`);
    return {
      modelArn: modelArn(t.region, m.name),
      modelName: m.name,
      jobArn: jobArn(t.region, m.job),
      jobName: m.job,
      baseModelArn: BASE_MODEL,
      customizationType: 'FINE_TUNING',
      modelKmsKeyArn: m.kmsKey,
      trainingDataConfig: { s3Uri: `s3://${BUCKETS.trainingData.name}/bedrock/${m.name}/train.jsonl` },
      outputDataConfig: { s3Uri: `s3://${BUCKETS.modelArtifacts.name}/bedrock/${m.name}/` },
      creationTime: daysBefore(40),
    };
  });

  sim.on<ListModelCustomizationJobsCommandOutput>('bedrock.ListModelCustomizationJobs', (_input, t) => ({
    modelCustomizationJobSummaries: CUSTOM_MODELS.filter((m) => m.region === t.region).map((m) => ({
      jobArn: jobArn(t.region, m.job),
      jobName: m.job,
      baseModelArn: BASE_MODEL,
      status: 'Completed',
      creationTime: daysBefore(41),
      endTime: daysBefore(40),
      customModelArn: modelArn(t.region, m.name),
      customModelName: m.name,
      customizationType: 'FINE_TUNING',
    })),
  }));
  sim.on<GetModelCustomizationJobCommandOutput>('bedrock.GetModelCustomizationJob', (input, t) => {
    const m = CUSTOM_MODELS.find((x) => jobArn(t.region, x.job) === input.jobIdentifier);
    if (!m) return simError('ResourceNotFoundException', 404, `Job ${input.jobIdentifier} not found`);
    const net = NETWORK['eu-west-1'];
    return {
      jobArn: jobArn(t.region, m.job),
      jobName: m.job,
      outputModelName: m.name,
      outputModelArn: modelArn(t.region, m.name),
      roleArn: roleArn(ROLES.bedrockApp),
      status: 'Completed',
      creationTime: daysBefore(41),
      endTime: daysBefore(40),
      baseModelArn: BASE_MODEL,
      hyperParameters: { epochCount: '2', batchSize: '1', learningRate: '0.00001' },
      trainingDataConfig: { s3Uri: `s3://${BUCKETS.trainingData.name}/bedrock/${m.name}/train.jsonl` },
      validationDataConfig: { validators: [] },
      outputDataConfig: { s3Uri: `s3://${BUCKETS.modelArtifacts.name}/bedrock/${m.name}/` },
      customizationType: 'FINE_TUNING',
      outputModelKmsKeyArn: m.kmsKey,
      vpcConfig: m.vpc ? { subnetIds: [...net.privateSubnets], securityGroupIds: [net.sgRestricted] } : undefined,
    };
  });
}
