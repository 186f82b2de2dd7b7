// Amazon ECS in the sample account (eu-west-1): a model server task (awsvpc, non-root user, API key
// from Secrets Manager) and a legacy scorer (host networking as root, an API key as a plaintext
// environment variable). Both families have older inactive revisions that are not described.
import type { DescribeTaskDefinitionCommandOutput, ListTaskDefinitionFamiliesCommandOutput, TaskDefinition } from '@aws-sdk/client-ecs';
import { simError, type SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, roleArn, ROLES } from './account.ts';

const REGION = 'eu-west-1';

const TASKS: TaskDefinition[] = [
  {
    family: 'model-server',
    revision: 7,
    taskDefinitionArn: arn('ecs', REGION, 'task-definition/model-server:7'),
    networkMode: 'awsvpc',
    taskRoleArn: roleArn(ROLES.bedrockApp),
    status: 'ACTIVE',
    containerDefinitions: [
      {
        name: 'server',
        image: `111122223333.dkr.ecr.${REGION}.amazonaws.com/ml-inference-server:1.4.2`,
        user: '1000:1000',
        environment: [{ name: 'MODEL_NAME', value: 'readmission-risk-v3' }],
        secrets: [{ name: 'PROVIDER_API_KEY', valueFrom: arn('secretsmanager', REGION, 'secret:model-provider-api-key-AbCdEf') }],
      },
    ],
  },
  {
    family: 'legacy-scorer',
    revision: 3,
    taskDefinitionArn: arn('ecs', REGION, 'task-definition/legacy-scorer:3'),
    networkMode: 'host',
    status: 'ACTIVE',
    containerDefinitions: [
      {
        name: 'scorer',
        image: `111122223333.dkr.ecr.${REGION}.amazonaws.com/batch-tools:latest`,
        environment: [
          { name: 'SCORING_THRESHOLD', value: '0.7' },
          { name: 'OPENAI_API_KEY', value: 'not-a-real-key-sample-value' },
        ],
      },
    ],
  },
];

export function register(sim: SimulatedAws): void {
  sim.on<ListTaskDefinitionFamiliesCommandOutput>('ecs.ListTaskDefinitionFamilies', (_input, t) => ({ families: t.region === REGION ? TASKS.map((d) => d.family!) : [] }));
  sim.on<DescribeTaskDefinitionCommandOutput>('ecs.DescribeTaskDefinition', (input, t) => {
    const d = TASKS.find((x) => x.family === input.taskDefinition);
    if (!d || t.region !== REGION) return simError('ClientException', 400, `Unable to describe task definition ${input.taskDefinition}.`);
    return { taskDefinition: d };
  });
}
