// SageMaker: notebook instances (list, then describe each: the list lacks network and key settings).
import { DescribeNotebookInstanceCommand, paginateListNotebookInstances } from '@aws-sdk/client-sagemaker';
import { allPages, type Collector } from '../collector.ts';

const notebooks: Collector = {
  name: 'sagemaker.notebooks',
  service: 'sagemaker',
  scope: 'regional',
  produces: ['sagemaker.ListNotebookInstances', 'sagemaker.DescribeNotebookInstance'],
  async collect(ctx) {
    const client = ctx.client('sagemaker');
    const pages = await allPages(paginateListNotebookInstances({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.NotebookInstances ?? []).map((n) => n.NotebookInstanceName!);
    await ctx.forEach(names, (NotebookInstanceName) => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName })));
  },
};

export const collectors: Collector[] = [notebooks];
