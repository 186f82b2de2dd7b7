// A synthetic account of a given size as a SimulatedAws. Calls the generator does not model are
// answered generically (an empty answer: no resources of that kind), so collectors added later run
// against it unchanged; the keys answered that way are reported, so a reader knows what was not sized.
import type { Answer, Call, Responder } from '../../src/collect/evidence-middleware.ts';
import { SimulatedAws, type SimulatedAwsOptions } from '../../src/collect/simulated-aws.ts';
import type { Scope } from '../../src/collect/target.ts';
import { registerBedrock } from './bedrock.ts';
import { registerIam } from './iam.ts';
import { registerKmsLogsEc2 } from './kms-logs-ec2.ts';
import { planAccount, SYNTHETIC_ACCOUNT, type AccountPlan } from './plan.ts';
import { registerS3 } from './s3.ts';
import { registerSageMaker } from './sagemaker.ts';

export interface SyntheticAccount {
  plan: AccountPlan;
  scope: Scope;
  sim: SimulatedAws;
  /** The simulator's answers, with unmodelled calls answered as empty. */
  responder: Responder;
  /** Keys the generator answers with sized data. */
  modelledKeys: string[];
  /** Keys collectors called that the generator answered generically. */
  genericKeys(): string[];
}

const NO_HANDLER = 'SimulatorHasNoHandler';

export function syntheticAccount(size: number, options: SimulatedAwsOptions = {}, account = SYNTHETIC_ACCOUNT): SyntheticAccount {
  const plan = planAccount(size, account);
  const sim = new SimulatedAws(options);
  const modelledKeys: string[] = [];
  const on = sim.on.bind(sim);
  // Wrap `on` once to learn which keys the generator models, without a list to keep in sync.
  sim.on = ((key: string, handler: never) => {
    modelledKeys.push(key);
    return on(key, handler);
  }) as typeof sim.on;
  for (const register of [registerSageMaker, registerS3, registerIam, registerKmsLogsEc2, registerBedrock]) register(sim, plan);
  sim.on = on;
  const simulated = sim.responder();
  const responder: Responder = async (call: Call): Promise<Answer> => {
    const answer = await simulated(call);
    if (answer.outcome === 'error' && answer.error?.name === NO_HANDLER) return { outcome: 'ok', response: {}, requestId: answer.requestId };
    return answer;
  };
  return {
    plan,
    scope: { accounts: [plan.account], regions: [...plan.regions] },
    sim,
    responder,
    modelledKeys: modelledKeys.sort(),
    genericKeys: () => [...sim.unhandled].sort(),
  };
}
