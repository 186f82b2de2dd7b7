// Amazon Comprehend asynchronous analysis jobs and custom models. The lists already carry the network and
// key settings, so no describe calls are needed.
import { allPages, type Collector } from '../collector.ts';

const analysisJobs: Collector = {
  name: 'comprehend.analysis-jobs',
  service: 'comprehend',
  scope: 'regional',
  produces: ['comprehend.ListEntitiesDetectionJobs', 'comprehend.ListDocumentClassificationJobs'],
  async collect(ctx) {
    const { paginateListDocumentClassificationJobs, paginateListEntitiesDetectionJobs } = await import('@aws-sdk/client-comprehend');
    const client = await ctx.client('comprehend');
    await allPages(paginateListEntitiesDetectionJobs({ client, pageSize: 100 }, {}));
    await allPages(paginateListDocumentClassificationJobs({ client, pageSize: 100 }, {}));
  },
};

const customModels: Collector = {
  name: 'comprehend.custom-models',
  service: 'comprehend',
  scope: 'regional',
  produces: ['comprehend.ListEntityRecognizers', 'comprehend.ListDocumentClassifiers'],
  async collect(ctx) {
    const { paginateListDocumentClassifiers, paginateListEntityRecognizers } = await import('@aws-sdk/client-comprehend');
    const client = await ctx.client('comprehend');
    await allPages(paginateListEntityRecognizers({ client, pageSize: 100 }, {}));
    await allPages(paginateListDocumentClassifiers({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [analysisJobs, customModels];
