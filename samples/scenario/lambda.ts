// AWS Lambda in the sample account (eu-west-1): an inference function behind API Gateway (current
// runtime, customer key, policy narrowed to the API), a Bedrock agent action group on a deprecated
// runtime whose policy lets Bedrock invoke it for any account, a demo summarizer with a public
// function URL, and an OCR pre-processor deployed as a container image without a policy.
import type { GetPolicyCommandOutput, ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import { paged, simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { ACCOUNT, arn, daysBefore, keyArn, KEYS, roleArn, ROLES } from './account.ts';

const ML_KEY = keyArn(KEYS.mlData.region, KEYS.mlData.id);
const REGION = 'eu-west-1';
const fnArn = (name: string) => arn('lambda', REGION, `function:${name}`);

interface SampleFunction {
  name: string;
  runtime?: 'python3.12' | 'python3.9' | 'nodejs22.x';
  image?: true;
  env?: Record<string, string>;
  kmsKey?: string;
  /** Statements of its resource-based policy; none means GetPolicy answers ResourceNotFoundException. */
  policy?: unknown[];
}

const FUNCTIONS: SampleFunction[] = [
  {
    name: 'discharge-summary-inference',
    runtime: 'python3.12',
    env: { MODEL_ID: 'anthropic.claude-3-5-sonnet-20240620-v1:0', GUARDRAIL_ID: 'h7x2k9m4q1ab' },
    kmsKey: ML_KEY,
    policy: [{ Sid: 'ApiGatewayInvoke', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: fnArn('discharge-summary-inference'), Condition: { ArnLike: { 'AWS:SourceArn': arn('execute-api', REGION, 'a1b2c3d4e5/*/POST/summarize') } } }],
  },
  {
    name: 'agent-action-lookup-patient',
    runtime: 'python3.9',
    env: { FHIR_BASE_URL: 'https://fhir.internal.acme-health.example/r4', LOG_LEVEL: 'INFO' },
    policy: [{ Sid: 'AllowBedrockAgent', Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: fnArn('agent-action-lookup-patient') }],
  },
  {
    name: 'demo-public-summarizer',
    runtime: 'nodejs22.x',
    policy: [{ Sid: 'FunctionURLAllowPublicAccess', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: fnArn('demo-public-summarizer'), Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } }],
  },
  { name: 'ocr-preprocess', image: true, env: { OUTPUT_PREFIX: 'ocr/' }, kmsKey: ML_KEY },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListFunctionsCommandOutput>('lambda.ListFunctions', (input, t) => {
    const all = t.region !== REGION ? [] : FUNCTIONS.map((f) => ({
      FunctionName: f.name,
      FunctionArn: fnArn(f.name),
      Role: roleArn(ROLES.bedrockApp),
      MemorySize: 1024,
      Timeout: 60,
      LastModified: daysBefore(12).toISOString(),
      PackageType: f.image ? ('Image' as const) : ('Zip' as const),
      ...(f.image ? {} : { Runtime: f.runtime, Handler: 'app.handler' }),
      ...(f.env ? { Environment: { Variables: f.env } } : {}),
      ...(f.kmsKey ? { KMSKeyArn: f.kmsKey } : {}),
      Architectures: ['arm64' as const],
    }));
    const { page, next } = paged(all, input, 2, 'Marker');
    return { Functions: page, ...(next ? { NextMarker: next } : {}) };
  });
  sim.on<GetPolicyCommandOutput>('lambda.GetPolicy', (input, t) => {
    const f = FUNCTIONS.find((x) => x.name === input.FunctionName);
    if (!f || t.region !== REGION || !f.policy) return simError('ResourceNotFoundException', 404, `The resource you requested does not exist. (Service: Lambda, function ${input.FunctionName}, account ${ACCOUNT})`);
    return { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: f.policy }), RevisionId: '8f1c2b3a-0000-4000-8000-000000000001' };
  });
}
