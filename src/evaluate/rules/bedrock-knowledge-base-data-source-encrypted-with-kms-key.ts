import { customerKeyVerdict, KEY_EVIDENCE } from '../kms-key.ts';
import { forEachChild } from '../listed-resources.ts';
import { judgeCall, required } from '../rule-helpers.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  controlId: 'bedrock-knowledge-base-data-source-encrypted-with-kms-key',
  evidence: ['bedrock-agent.ListKnowledgeBases', 'bedrock-agent.ListDataSources', 'bedrock-agent.GetDataSource', ...KEY_EVIDENCE],
  evaluate: (ctx) =>
    forEachChild(
      ctx,
      { key: 'bedrock-agent.ListKnowledgeBases', scope: 'regional', items: (r) => r.knowledgeBaseSummaries, noun: 'Bedrock knowledge bases' },
      {
        key: 'bedrock-agent.ListDataSources',
        input: (kb) => ({ knowledgeBaseId: kb.knowledgeBaseId }),
        items: (r) => r.dataSourceSummaries,
        noun: 'knowledge base data sources',
        parentResource: (kb) => ({ type: 'AWS::Bedrock::KnowledgeBase', id: kb.name ?? required(kb, 'knowledgeBaseId', 'A knowledge base') }),
      },
      (ds, kb, at, records) =>
        judgeCall(
          ctx,
          at,
          { type: 'AWS::Bedrock::DataSource', id: `${kb.name ?? kb.knowledgeBaseId}/${ds.name ?? ds.dataSourceId}` },
          ctx.evidence.call('bedrock-agent.GetDataSource', at, { knowledgeBaseId: kb.knowledgeBaseId, dataSourceId: ds.dataSourceId }),
          { ok: (d) => customerKeyVerdict(ctx, at, d.dataSource?.serverSideEncryptionConfiguration?.kmsKeyArn, 'Data ingested from this source (transient chunks during ingestion)') },
          records,
        ),
    ),
});
