// IAM database authentication exists for MySQL, MariaDB and PostgreSQL engines (RDS and Aurora); other
// engines (Oracle, SQL Server, Db2, DocumentDB, Neptune) are not judged. A database whose engine is not
// reported is kept and is unknown. Enabling it does not turn password logins off: the finding says so.
import { eachRdsDatabase } from '../resources/rds.ts';
import { fail, pass, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

const IAM_AUTH_ENGINES = new Set(['mysql', 'mariadb', 'postgres', 'aurora', 'aurora-mysql', 'aurora-postgresql']);

export const rule = defineRule({
  controlId: 'rds-databases-iam-authentication-enabled',
  evidence: ['rds.DescribeDBClusters', 'rds.DescribeDBInstances'],
  evaluate: (ctx) =>
    eachRdsDatabase(
      ctx,
      (db) => {
        const engine = required(db.settings, 'Engine', `The ${db.kind}`);
        return required(db.settings, 'IAMDatabaseAuthenticationEnabled', `The ${db.kind}`)
          ? pass(`IAM database authentication is enabled (${engine}): people and workloads can log in with short-lived IAM tokens; password logins remain possible.`)
          : fail(`IAM database authentication is off (${engine}): every login uses a database password that IAM cannot grant, audit or revoke.`);
      },
      (db) => db.settings.Engine === undefined || IAM_AUTH_ENGINES.has(db.settings.Engine),
    ),
});
