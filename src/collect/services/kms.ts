// KMS (regional): every key, described (the list lacks manager, state and spec); for customer-managed
// keys also the key policy and, where AWS supports it, the rotation status. Aliases let S3 rules
// resolve a bucket's "alias/..." key to the key it names.
import type { KeyMetadata } from '@aws-sdk/client-kms';
import { allPages, type Collector } from '../collector.ts';

/** Automatic rotation exists only for enabled or disabled symmetric keys with KMS-generated material. */
function rotationApplies(k: KeyMetadata): boolean {
  return k.KeySpec === 'SYMMETRIC_DEFAULT' && k.Origin === 'AWS_KMS' && (k.KeyState === 'Enabled' || k.KeyState === 'Disabled');
}

const keys: Collector = {
  name: 'kms.keys',
  service: 'kms',
  scope: 'regional',
  produces: ['kms.ListKeys', 'kms.DescribeKey', 'kms.GetKeyPolicy', 'kms.GetKeyRotationStatus'],
  async collect(ctx) {
    const { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, paginateListKeys } = await import('@aws-sdk/client-kms');
    const client = await ctx.client('kms');
    const pages = await allPages(paginateListKeys({ client, pageSize: 1000 }, {}));
    const ids = pages.flatMap((p) => p.Keys ?? []).map((k) => k.KeyId!);
    await ctx.forEach(ids, async (KeyId) => {
      const described = await ctx.attempt(() => client.send(new DescribeKeyCommand({ KeyId })));
      const meta = described?.KeyMetadata;
      if (meta?.KeyManager !== 'CUSTOMER') return;
      await ctx.attempt(() => client.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })));
      if (rotationApplies(meta)) await ctx.attempt(() => client.send(new GetKeyRotationStatusCommand({ KeyId })));
    });
  },
};

const aliases: Collector = {
  name: 'kms.aliases',
  service: 'kms',
  scope: 'regional',
  produces: ['kms.ListAliases'],
  async collect(ctx) {
    const { paginateListAliases } = await import('@aws-sdk/client-kms');
    await allPages(paginateListAliases({ client: await ctx.client('kms'), pageSize: 100 }, {}));
  },
};

export const collectors: Collector[] = [keys, aliases];
