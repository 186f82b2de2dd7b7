// How OpenSearch Service domains and OpenSearch Serverless collections appear in evidence.
import type { EvidenceRecord } from '../../collect/evidence-record.ts';
import type { EvidenceResponse } from '../../collect/evidence-shapes.ts';
import type { Target } from '../../collect/target.ts';
import type { Finding, ResourceRef } from '../finding.ts';
import { forEachDescribed } from '../listed-resources.ts';
import type { RuleContext } from '../rule.ts';
import { required, unknown, type Verdict } from '../rule-helpers.ts';
import { eachListedItem } from './listed-verdicts.ts';

export type DomainStatus = NonNullable<EvidenceResponse<'opensearch.DescribeDomain'>['DomainStatus']>;
export type CollectionSummary = NonNullable<EvidenceResponse<'opensearchserverless.ListCollections'>['collectionSummaries']>[number];

/** Every domain (OpenSearch and Elasticsearch engines) with its DescribeDomain status. */
export function eachDomain(ctx: RuleContext<'opensearch.ListDomainNames' | 'opensearch.DescribeDomain'>, judge: (d: DomainStatus, at: Target) => Verdict): Finding[] {
  return forEachDescribed(ctx, {
    key: 'opensearch.ListDomainNames',
    scope: 'regional',
    items: (r) => r.DomainNames,
    noun: 'OpenSearch Service domains',
    describeKey: 'opensearch.DescribeDomain',
    describeInput: (d) => ({ DomainName: d.DomainName }),
    resource: (d, at) => {
      const name = required(d, 'DomainName', 'A listed domain');
      return { type: 'AWS::OpenSearchService::Domain', id: name, arn: `arn:aws:es:${at.region}:${at.account}:domain/${name}` };
    },
    judge: (d, _item, at) => judge(required(d, 'DomainStatus', 'DescribeDomain'), at),
  });
}

export function collectionResource(c: CollectionSummary): ResourceRef {
  return { type: 'AWS::OpenSearchServerless::Collection', id: required(c, 'name', 'A listed collection'), arn: c.arn };
}

export const COLLECTIONS = { key: 'opensearchserverless.ListCollections', scope: 'regional', items: (r: EvidenceResponse<'opensearchserverless.ListCollections'>) => r.collectionSummaries, noun: 'OpenSearch Serverless collections' } as const;

export function eachCollection(ctx: RuleContext<'opensearchserverless.ListCollections'>, judge: (c: CollectionSummary, at: Target) => Verdict): Finding[] {
  return eachListedItem(
    ctx,
    { ...COLLECTIONS, resource: collectionResource },
    judge,
  );
}

export type CollectionDetail = NonNullable<EvidenceResponse<'opensearchserverless.BatchGetCollection'>['collectionDetails']>[number];

/**
 * A collection's details from the BatchGetCollection calls of its region (each asks for up to 100 ids),
 * with the records that hold them, or an `unknown` verdict when a call failed or none answered for it.
 */
export function collectionDetail(ctx: RuleContext<'opensearchserverless.BatchGetCollection'>, at: Target, id: string): { records: EvidenceRecord[] } & ({ detail: CollectionDetail } | { verdict: Verdict }) {
  const records = ctx.evidence.records('opensearchserverless.BatchGetCollection', at);
  const failed = records.find((r) => r.outcome !== 'ok');
  if (failed) return { records, verdict: unknown(`BatchGetCollection failed in ${at.account}/${at.region}: ${failed.error?.name}: ${failed.error?.message}`) };
  const responses = records.map((r) => r.response as EvidenceResponse<'opensearchserverless.BatchGetCollection'>);
  const detail = responses.flatMap((r) => r.collectionDetails ?? []).find((d) => d.id === id);
  if (detail) return { records, detail };
  const error = responses.flatMap((r) => r.collectionErrorDetails ?? []).find((e) => e.id === id);
  return { records, verdict: unknown(error ? `BatchGetCollection could not describe collection ${id}: ${error.errorCode}: ${error.errorMessage}` : `No BatchGetCollection answer describes collection ${id}.`) };
}

/** TLS security policies whose minimum version is TLS 1.2 or later (Policy-Min-TLS-1-0-2019-07 allows 1.0 and 1.1). */
export function requiresTls12(policy: string): boolean {
  return /^Policy-Min-TLS-1-[2-9]-/.test(policy);
}
