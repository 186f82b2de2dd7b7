// AWS Backup per region: plans and what each selects (the selection list lacks the resources, so each
// selection is fetched), and vaults (the list carries key type and lock state).
import { allPages, type Collector } from '../collector.ts';

const plans: Collector = {
  name: 'backup.plans',
  service: 'backup',
  scope: 'regional',
  produces: ['backup.ListBackupPlans', 'backup.ListBackupSelections', 'backup.GetBackupSelection'],
  async collect(ctx) {
    const { GetBackupSelectionCommand, paginateListBackupPlans, paginateListBackupSelections } = await import('@aws-sdk/client-backup');
    const client = await ctx.client('backup');
    const planPages = await allPages(paginateListBackupPlans({ client }, {}));
    const planIds = planPages.flatMap((p) => p.BackupPlansList ?? []).map((p) => p.BackupPlanId!);
    await ctx.forEach(planIds, async (BackupPlanId) => {
      const pages = await allPages(paginateListBackupSelections({ client }, { BackupPlanId }));
      const selectionIds = pages.flatMap((p) => p.BackupSelectionsList ?? []).map((s) => s.SelectionId!);
      await ctx.forEach(selectionIds, (SelectionId) => client.send(new GetBackupSelectionCommand({ BackupPlanId, SelectionId })));
    });
  },
};

const vaults: Collector = {
  name: 'backup.vaults',
  service: 'backup',
  scope: 'regional',
  produces: ['backup.ListBackupVaults'],
  async collect(ctx) {
    const { paginateListBackupVaults } = await import('@aws-sdk/client-backup');
    await allPages(paginateListBackupVaults({ client: await ctx.client('backup') }, {}));
  },
};

// Resources with at least one recovery point in this region, each with its last backup time.
const protectedResources: Collector = {
  name: 'backup.protected-resources',
  service: 'backup',
  scope: 'regional',
  produces: ['backup.ListProtectedResources'],
  async collect(ctx) {
    const { paginateListProtectedResources } = await import('@aws-sdk/client-backup');
    await allPages(paginateListProtectedResources({ client: await ctx.client('backup') }, {}));
  },
};

export const collectors: Collector[] = [plans, vaults, protectedResources];
