// Fixed request inputs that a collector sends and a rule looks its evidence up by. Kept out of the
// collector files so rules never import a collector (and with it an SDK client's commands).
import { KeyAlgorithm } from '@aws-sdk/client-acm';

/** ListCertificates returns only RSA 1024/2048 certificates by default: every key algorithm is asked for. */
export const ALL_KEY_TYPES = Object.values(KeyAlgorithm);

/** The training jobs judged: the most recent page. A fixed request (no clock-derived filter) replays identically. */
export const RECENT_TRAINING_JOBS_INPUT = { SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 100 } as const;
/** Only endpoints that serve traffic need monitoring. */
export const IN_SERVICE_ENDPOINTS_INPUT = { StatusEquals: 'InService' } as const;
/** OpenSearch Serverless security policies of the network type (ListSecurityPolicies and GetSecurityPolicy). */
export const NETWORK_POLICIES_INPUT = { type: 'network' } as const;
