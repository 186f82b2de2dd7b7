import { customerKeyVerdict } from '../kms-key.ts';
import { forEachChild } from '../listed-resources.ts';
import { judgeCall } from '../rule-helpers.ts';
import type { Rule } from '../rule.ts';

interface KnowledgeBase { knowledgeBaseId: string; name: string }
interface DataSource { dataSourceId: string; name: string }

export const rule: Rule = {
  controlId: 'bedrock-knowledge-base-data-source-encrypted-with-kms-key',
  evaluate: (ctx) =>
    forEachChild(
      ctx,
      { key: 'bedrock-agent.ListKnowledgeBases', scope: 'regional', items: (r) => r.knowledgeBaseSummaries, noun: 'Bedrock knowledge bases' },
      {
        key: 'bedrock-agent.ListDataSources',
        input: (kb: KnowledgeBase) => ({ knowledgeBaseId: kb.knowledgeBaseId }),
        items: (r) => r.dataSourceSummaries,
        noun: 'knowledge base data sources',
        parentResource: (kb: KnowledgeBase) => ({ type: 'AWS::Bedrock::KnowledgeBase', id: kb.name ?? kb.knowledgeBaseId }),
      },
      (ds: DataSource, kb: KnowledgeBase, at, records) =>
        judgeCall(
          ctx,
          at,
          { type: 'AWS::Bedrock::DataSource', id: `${kb.name ?? kb.knowledgeBaseId}/${ds.name ?? ds.dataSourceId}` },
          ctx.evidence.call('bedrock-agent.GetDataSource', at, { knowledgeBaseId: kb.knowledgeBaseId, dataSourceId: ds.dataSourceId }),
          { ok: (d) => customerKeyVerdict(d.dataSource?.serverSideEncryptionConfiguration?.kmsKeyArn, 'Data ingested from this source (transient chunks during ingestion)') },
          records,
        ),
    ),
};
