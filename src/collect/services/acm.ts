// ACM certificates per region. The list carries status and expiry; every key algorithm is asked for
// because ListCertificates returns only RSA 1024/2048 certificates by default.
import { paginateListCertificates } from '@aws-sdk/client-acm';
import { ALL_KEY_TYPES } from '../call-inputs.ts';
import { allPages, type Collector } from '../collector.ts';

const certificates: Collector = {
  name: 'acm.certificates',
  service: 'acm',
  scope: 'regional',
  produces: ['acm.ListCertificates'],
  async collect(ctx) {
    await allPages(paginateListCertificates({ client: ctx.client('acm') }, { Includes: { keyTypes: ALL_KEY_TYPES } }));
  },
};

export const collectors: Collector[] = [certificates];
