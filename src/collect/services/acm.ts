// ACM certificates per region. The list carries status and expiry; every key algorithm is asked for
// because ListCertificates returns only RSA 1024/2048 certificates by default.
import { ALL_KEY_TYPES } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const certificates: Collector = {
  name: 'acm.certificates',
  service: 'acm',
  scope: 'regional',
  produces: ['acm.ListCertificates'],
  async collect(ctx) {
    const { paginateListCertificates } = await import('@aws-sdk/client-acm');
    await allPages(paginateListCertificates({ client: await ctx.client('acm') }, { Includes: { keyTypes: ALL_KEY_TYPES } }));
  },
};

export const collectors: Collector[] = [certificates];
