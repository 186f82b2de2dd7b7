// Fixed request inputs that a collector sends and a rule looks its evidence up by. Kept out of the
// collector files so rules never import a collector (and with it an SDK client's commands).
import type { KeyAlgorithm } from '@aws-sdk/client-acm';
import type { FindingCriteria } from '@aws-sdk/client-guardduty';
import type { FilterCriteria } from '@aws-sdk/client-inspector2';

/**
 * ListCertificates returns only RSA 1024/2048 certificates by default: every key algorithm is asked for,
 * in the SDK's order (written out so that rules need not load the ACM client; a test compares it with the SDK's).
 */
export const ALL_KEY_TYPES: KeyAlgorithm[] = ['EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1', 'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096'];

/** The training jobs judged: the most recent page. A fixed request (no clock-derived filter) replays identically. */
export const RECENT_TRAINING_JOBS_INPUT = { SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 } as const;
/** Only endpoints that serve traffic need monitoring. */
export const IN_SERVICE_ENDPOINTS_INPUT = { StatusEquals: 'InService' } as const;
/** OpenSearch Serverless security policies of the network type (ListSecurityPolicies and GetSecurityPolicy). */
export const NETWORK_POLICIES_INPUT = { type: 'network' } as const;

/** GuardDuty findings that still await triage: not archived, severity High or Critical (7.0 and above). */
export const GUARDDUTY_UNTRIAGED_HIGH_CRITERIA: FindingCriteria = {
  Criterion: { 'service.archived': { Equals: ['false'] }, severity: { GreaterThanOrEqual: 7 } },
};

/** Inspector resource types that run models or their glue: instances, container images, functions. */
export const INSPECTOR_COMPUTE_TYPES = ['AWS_EC2_INSTANCE', 'AWS_ECR_CONTAINER_IMAGE', 'AWS_LAMBDA_FUNCTION'] as const;

/** Open Inspector findings of severity Critical or High on that compute (ages are judged by the rule). */
export const INSPECTOR_OPEN_SERIOUS_FINDINGS: FilterCriteria = {
  findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
  severity: [{ comparison: 'EQUALS', value: 'CRITICAL' }, { comparison: 'EQUALS', value: 'HIGH' }],
  resourceType: INSPECTOR_COMPUTE_TYPES.map((value) => ({ comparison: 'EQUALS', value })),
};

/** Task definition families with an active revision (inactive ones cannot start tasks). */
export const ACTIVE_TASK_DEFINITION_FAMILIES_INPUT = { status: 'ACTIVE' } as const;
/** WAFv2 web ACLs that protect regional resources (API Gateway stages, load balancers, AppSync). */
export const REGIONAL_WAF_SCOPE_INPUT = { Scope: 'REGIONAL' } as const;
/** GetResources with each resource's methods embedded (their authorization type), instead of a call per method. */
export const REST_RESOURCES_WITH_METHODS_INPUT = { embed: ['methods'] } as const;

/** CloudTrail event history of Amazon Bedrock (bedrock-runtime's InvokeModel, Converse... are management events there). */
export const BEDROCK_EVENT_LOOKUP_INPUT = { LookupAttributes: [{ AttributeKey: 'EventSource' as const, AttributeValue: 'bedrock.amazonaws.com' }] };
/** LookupEvents answers 50 events a page at 2 calls a second per region: at most this many pages (1,000 events) are read. */
export const BEDROCK_EVENT_LOOKUP_MAX_PAGES = 20;
