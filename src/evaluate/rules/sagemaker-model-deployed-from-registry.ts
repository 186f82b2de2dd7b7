import { eachModel } from '../resources/sagemaker.ts';
import { fail, pass } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

/** A model built from a registered model package names it in its container definition(s). */
function registeredPackages(d: { PrimaryContainer?: { ModelPackageName?: string }; Containers?: { ModelPackageName?: string }[] }): string[] {
  return [d.PrimaryContainer, ...(d.Containers ?? [])].flatMap((c) => (c?.ModelPackageName ? [c.ModelPackageName] : []));
}

export const rule = defineRule({
  controlId: 'sagemaker-model-deployed-from-registry',
  evidence: ['sagemaker.ListModels', 'sagemaker.DescribeModel'],
  evaluate: (ctx) =>
    eachModel(ctx, (d) => {
      const packages = registeredPackages(d);
      return packages.length
        ? pass(`The model is built from the registered model package ${packages.join(', ')}.`)
        : fail(`The model is built directly from ${d.PrimaryContainer?.ModelDataUrl ?? d.PrimaryContainer?.Image ?? 'an image or artifact'}, not from a versioned, approved Model Registry package.`);
    }),
});
