// Amazon Rekognition: video stream processors and Custom Labels projects (model versions carry the key).
import { allPages, type Collector } from '../collector.ts';

const streamProcessors: Collector = {
  name: 'rekognition.stream-processors',
  service: 'rekognition',
  scope: 'regional',
  produces: ['rekognition.ListStreamProcessors', 'rekognition.DescribeStreamProcessor'],
  async collect(ctx) {
    const { DescribeStreamProcessorCommand, paginateListStreamProcessors } = await import('@aws-sdk/client-rekognition');
    const client = await ctx.client('rekognition');
    const pages = await allPages(paginateListStreamProcessors({ client, pageSize: 100 }, {}));
    const names = pages.flatMap((p) => p.StreamProcessors ?? []).map((s) => s.Name!);
    await ctx.forEach(names, (Name) => client.send(new DescribeStreamProcessorCommand({ Name })));
  },
};

const customLabels: Collector = {
  name: 'rekognition.custom-labels',
  service: 'rekognition',
  scope: 'regional',
  produces: ['rekognition.DescribeProjects', 'rekognition.DescribeProjectVersions'],
  async collect(ctx) {
    const { paginateDescribeProjects, paginateDescribeProjectVersions } = await import('@aws-sdk/client-rekognition');
    const client = await ctx.client('rekognition');
    const projects = (await allPages(paginateDescribeProjects({ client, pageSize: 100 }, {}))).flatMap((p) => p.ProjectDescriptions ?? []);
    await ctx.forEach(projects, ({ ProjectArn }) => allPages(paginateDescribeProjectVersions({ client, pageSize: 100 }, { ProjectArn })));
  },
};

export const collectors: Collector[] = [streamProcessors, customLabels];
