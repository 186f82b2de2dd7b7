// Bedrock in a synthetic account: guardrails and the account's invocation logging setting.
import type { GetGuardrailCommandOutput, GetModelInvocationLoggingConfigurationCommandOutput, ListGuardrailsCommandOutput } from '@aws-sdk/client-bedrock';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { failing, type AccountPlan } from './plan.ts';
import { createdAt, names, pageOf, resourceIndex, syntheticArn } from './synthetic-names.ts';

export function registerBedrock(sim: SimulatedAws, plan: AccountPlan): void {
  const arn = (region: string, g: string) => syntheticArn('bedrock', region, plan.account, `guardrail/${g}`);
  sim.on<ListGuardrailsCommandOutput>('bedrock.ListGuardrails', (input, t) => {
    const { page, next } = pageOf(names(plan, 'guardrails', t.region), input, { tokenIn: 'nextToken', sizeField: 'maxResults', max: 1000 });
    return { guardrails: page.map((g) => ({ id: g, arn: arn(t.region, g), status: 'READY' as const, name: g, version: 'DRAFT', createdAt: createdAt(g), updatedAt: createdAt(g) })), nextToken: next };
  });
  sim.on<GetGuardrailCommandOutput>('bedrock.GetGuardrail', (input, t) => {
    const g = String(input.guardrailIdentifier ?? '').replace(/^arn:.*:guardrail\//, '');
    if (resourceIndex(plan, 'guardrails', t.region, g) === undefined) return simError('ResourceNotFoundException', 404, `Guardrail ${g} not found`);
    const pii = !failing(g, 'pii', 0.3);
    return {
      guardrailId: g,
      guardrailArn: arn(t.region, g),
      name: g,
      version: 'DRAFT',
      status: 'READY',
      createdAt: createdAt(g),
      updatedAt: createdAt(g),
      blockedInputMessaging: 'Sorry, I cannot help with that.',
      blockedOutputsMessaging: 'Sorry, I cannot help with that.',
      sensitiveInformationPolicy: pii ? { piiEntities: [{ type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' }], regexes: [] } : undefined,
      kmsKeyArn: failing(g, 'cmk', 0.4) ? undefined : syntheticArn('kms', t.region, plan.account, `key/key-${t.region}-000000`),
    };
  });
  sim.on<GetModelInvocationLoggingConfigurationCommandOutput>('bedrock.GetModelInvocationLoggingConfiguration', (_input, t) =>
    failing(`${plan.account}/${t.region}`, 'invocation-logging', 0.5)
      ? {}
      : { loggingConfig: { s3Config: { bucketName: 'bucket-global-000001', keyPrefix: `bedrock/${t.region}` }, textDataDeliveryEnabled: true, imageDataDeliveryEnabled: false, embeddingDataDeliveryEnabled: false } },
  );
}
