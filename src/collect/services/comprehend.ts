// Amazon Comprehend asynchronous analysis jobs. The job lists already carry the network and key settings.
import { paginateListDocumentClassificationJobs, paginateListEntitiesDetectionJobs } from '@aws-sdk/client-comprehend';
import { allPages, type Collector } from '../collector.ts';

const analysisJobs: Collector = {
  name: 'comprehend.analysis-jobs',
  service: 'comprehend',
  scope: 'regional',
  produces: ['comprehend.ListEntitiesDetectionJobs', 'comprehend.ListDocumentClassificationJobs'],
  async collect(ctx) {
    const client = ctx.client('comprehend');
    await allPages(paginateListEntitiesDetectionJobs({ client, pageSize: 100 }, {}));
    await allPages(paginateListDocumentClassificationJobs({ client, pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [analysisJobs];
