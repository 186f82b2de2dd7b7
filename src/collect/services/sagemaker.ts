// SageMaker: notebooks, training jobs, endpoint configs, endpoints, models, the model registry, model
// monitoring and Studio domains. Lists first; describes only where the list lacks the settings judged.
import { IN_SERVICE_ENDPOINTS_INPUT, RECENT_TRAINING_JOBS_INPUT } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const notebooks: Collector = {
  name: 'sagemaker.notebooks',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  async collect(ctx) {
    const { DescribeNotebookInstanceCommand, paginateListNotebookInstances } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    const pages = await allPages(paginateListNotebookInstances({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.NotebookInstances ?? []).map((n) => n.NotebookInstanceName!);
    await ctx.forEach(names, (NotebookInstanceName) => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName })));
  },
};

const trainingJobs: Collector = {
  name: 'sagemaker.training-jobs',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListTrainingJobs', 'sagemaker.DescribeTrainingJob'],
  async collect(ctx) {
    const { DescribeTrainingJobCommand, ListTrainingJobsCommand } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    // One page of the newest jobs: an account may hold years of jobs, and describing all of them is costly.
    const page = await ctx.attempt(() => client.send(new ListTrainingJobsCommand({ ...RECENT_TRAINING_JOBS_INPUT })));
    const names = (page?.TrainingJobSummaries ?? []).map((j) => j.TrainingJobName!);
    await ctx.forEach(names, (TrainingJobName) => client.send(new DescribeTrainingJobCommand({ TrainingJobName })));
  },
};

const endpointConfigs: Collector = {
  name: 'sagemaker.endpoint-configs',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListEndpointConfigs', 'sagemaker.DescribeEndpointConfig'],
  async collect(ctx) {
    const { DescribeEndpointConfigCommand, paginateListEndpointConfigs } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    const pages = await allPages(paginateListEndpointConfigs({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.EndpointConfigs ?? []).map((c) => c.EndpointConfigName!);
    await ctx.forEach(names, (EndpointConfigName) => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName })));
  },
};

const models: Collector = {
  name: 'sagemaker.models',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListModels', 'sagemaker.DescribeModel'],
  async collect(ctx) {
    const { DescribeModelCommand, paginateListModels } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    const pages = await allPages(paginateListModels({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.Models ?? []).map((m) => m.ModelName!);
    await ctx.forEach(names, (ModelName) => client.send(new DescribeModelCommand({ ModelName })));
  },
};

// In-service endpoints, each described for what runs now (data capture as started or stopped, not only as configured).
const endpoints: Collector = {
  name: 'sagemaker.endpoints',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListEndpoints', 'sagemaker.DescribeEndpoint'],
  async collect(ctx) {
    const { DescribeEndpointCommand, paginateListEndpoints } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    const pages = await allPages(paginateListEndpoints({ client, pageSize: 100 }, { ...IN_SERVICE_ENDPOINTS_INPUT }));
    const names = pages.flatMap((p) => p.Endpoints ?? []).map((e) => e.EndpointName!);
    await ctx.forEach(names, (EndpointName) => client.send(new DescribeEndpointCommand({ EndpointName })));
  },
};

const monitoring: Collector = {
  name: 'sagemaker.monitoring',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListMonitoringSchedules'],
  async collect(ctx) {
    const { paginateListMonitoringSchedules } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    await allPages(paginateListMonitoringSchedules({ client, pageSize: 100 }, {}));
  },
};

const domains: Collector = {
  name: 'sagemaker.domains',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListDomains', 'sagemaker.DescribeDomain'],
  async collect(ctx) {
    const { DescribeDomainCommand, paginateListDomains } = await import('@aws-sdk/client-sagemaker');
    const client = await ctx.client('sagemaker');
    const pages = await allPages(paginateListDomains({ client, pageSize: 100 }, {}));
    const ids = pages.flatMap((p) => p.Domains ?? []).map((d) => d.DomainId!);
    await ctx.forEach(ids, (DomainId) => client.send(new DescribeDomainCommand({ DomainId })));
  },
};

export const collectors: Collector[] = [endpoints, notebooks, trainingJobs, endpointConfigs, models, monitoring, domains];
