// A .zip function's managed runtime must not have passed its deprecation date (judged at the run's
// evaluation time): AWS stops patching a deprecated runtime. A container-image function brings its own
// runtime and is not applicable here.
import { LAMBDA_RUNTIME_DEPRECATION } from '../aws/lambda-runtimes.ts';
import { judgeEachFunction } from '../resources/compute.ts';
import { fail, notApplicable, pass, required, toDate, unknown } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'lambda-functions-runtime-supported',
  evidence: ['lambda.ListFunctions'],
  evaluate: (ctx) =>
    judgeEachFunction(ctx, (f) => {
      if (required(f, 'PackageType', `Function ${f.FunctionName}`) === 'Image') return notApplicable(`Function ${f.FunctionName} is a container image, which brings its own runtime.`);
      const runtime = required(f, 'Runtime', `Function ${f.FunctionName}`);
      const date = LAMBDA_RUNTIME_DEPRECATION[runtime];
      if (!date) return unknown(`Runtime ${runtime} of function ${f.FunctionName} is not in Proofline's table of Lambda runtimes; its support status cannot be judged.`);
      return toDate(date)! <= ctx.params.now
        ? fail(`Function ${f.FunctionName} runs on ${runtime}, deprecated since ${date}: AWS no longer patches it.`)
        : pass(`Function ${f.FunctionName} runs on ${runtime}, supported until ${date}.`);
    }),
});
