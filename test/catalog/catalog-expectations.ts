// What the catalog integrity tests hold the catalog to, and the stated exceptions.

export const AI_SERVICES = ['sagemaker', 'bedrock', 'bedrock-agent', 'bedrock-agentcore', 'comprehend', 'lex', 'lex-models-v2', 'rekognition'];

export const SOC2_CRITERIA = [
  ...['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2', 'CC5.1', 'CC5.2', 'CC5.3'],
  ...['CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2'],
  ...['A1.1', 'A1.2', 'A1.3', 'C1.1', 'C1.2', 'PI1.1', 'PI1.2', 'PI1.3', 'PI1.4', 'PI1.5'],
  ...['P1.1', 'P2.1', 'P3.1', 'P3.2', 'P4.1', 'P4.2', 'P4.3', 'P5.1', 'P5.2', 'P6.1', 'P6.2', 'P6.3', 'P6.4', 'P6.5', 'P6.6', 'P6.7', 'P7.1', 'P8.1'],
];

export const HIPAA_SECTIONS = ['164.308', '164.310', '164.312', '164.314', '164.316'];

export const GDPR_MINIMUM = [
  'Art. 5(1)(a)', 'Art. 5(1)(b)', 'Art. 5(1)(c)', 'Art. 5(1)(d)', 'Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 5(2)', 'Art. 22', 'Art. 24(1)', 'Art. 25(1)', 'Art. 25(2)',
  'Art. 28(1)', 'Art. 30(1)', 'Art. 32(1)(a)', 'Art. 32(1)(b)', 'Art. 32(1)(c)', 'Art. 32(1)(d)', 'Art. 32(2)', 'Art. 33(1)', 'Art. 33(2)', 'Art. 34(1)', 'Art. 35(1)',
  'Art. 35(3)(b)', 'Art. 35(3)(c)', 'Art. 44', 'Art. 45', 'Art. 46',
];

/** Automated controls that cannot show both a pass and a fail in the sample account, with the reason. */
export const NO_SAMPLE_PASS_OR_FAIL: Record<string, string> = {
  'cloudtrail-multi-region-trail-logging': 'A multi-region trail records every region alike; one sample account cannot show a pass and a fail (fail cases are in test/rules/logging.test.ts).',
  'iam-root-account-mfa-enabled': 'One finding per account; the sample account passes (fail cases are in test/rules/iam.test.ts).',
  'iam-root-account-no-access-keys': 'One finding per account; the sample account fails (pass cases are in test/rules/iam.test.ts).',
  'iam-password-policy-strong': 'One finding per account; the sample account fails (pass cases are in test/rules/iam.test.ts).',
  's3-account-public-access-block-enabled': 'One finding per account; the sample account fails (pass cases are in test/rules/s3.test.ts).',
  'organizations-service-control-policies-enforced': 'The sample is a member account whose ListPolicies is AccessDenied, so it shows unknown (pass and fail are in test/rules/iam.test.ts).',
};

/** Automated controls for which "nothing to check" does not exist (account-level facts), with the reason. */
const ACCOUNT_OR_REGION_FACT = 'Account/region-level fact: a missing service or setting is a fail, never "nothing to check".';

export const NO_NOT_APPLICABLE: Record<string, string> = {
  ...Object.fromEntries(
  [
    'cloudtrail-multi-region-trail-logging', 'cloudtrail-s3-data-events-logged', 'cloudtrail-bedrock-data-events-logged',
    'config-recorder-recording', 'config-recorder-all-resource-types', 'config-delivery-channel-configured',
    'guardduty-enabled', 'guardduty-s3-protection-enabled', 'macie-enabled', 'macie-sensitive-data-discovery-enabled',
    'securityhub-enabled', 'securityhub-standards-enabled', 'ebs-default-encryption-enabled', 'ebs-default-kms-key-customer-managed', 'backup-plans-cover-data-stores',
    'iam-root-account-mfa-enabled', 'iam-root-account-no-access-keys', 'iam-password-policy-strong', 's3-account-public-access-block-enabled',
    'accessanalyzer-external-access-analyzer-active', 'bedrock-model-invocation-logging-enabled', 'bedrock-guardrail-configured',
    'accessanalyzer-no-active-external-access-findings', 'inspector-scanning-enabled-for-model-compute',
    'cloudwatch-iam-policy-change-alarm-configured', 'cloudwatch-network-change-alarms-configured',
  ].map((id) => [id, ACCOUNT_OR_REGION_FACT]),
  ),
  'inspector-critical-and-high-vulnerabilities-remediated': 'Judged per region where Inspector scans: no overdue finding there is a pass, and a region it does not scan is unknown (an empty list proves nothing), never "nothing to check".',
  'bedrock-invocations-from-expected-principals-and-regions': 'Unknown ("not configured") without bedrockExpectedInvocations, which these parameters leave unset; not applicable (no invocation in event history) is in test/rules/bedrock-invocations.test.ts.',
  'iam-unused-credentials-disabled': 'The credential report always lists the root user; an empty answer lacks Content and is unknown. Not applicable (only the root user, or a user without enabled credentials) is in test/rules/iam-unused-credentials.test.ts.',
  // Its not_applicable comes only from AWSOrganizationsNotInUseException (a not-configured answer), covered in test/rules/iam.test.ts.
  'organizations-service-control-policies-enforced': 'Not applicable only when AWS answers that the account is in no organization.',
};

/** AI controls deliberately not mapped in a framework, because no requirement there is a defensible fit. */
export const AI_MAPPING_EXCEPTIONS: Record<string, { framework: string; reason: string }> = {
  'bedrock-guardrail-content-filters-high': { framework: 'hipaa', reason: 'Harmful-content filtering is not an ePHI security safeguard.' },
  'sagemaker-endpoint-model-monitoring-scheduled': { framework: 'hipaa', reason: 'Model drift is not a Security Rule concern.' },
  'sagemaker-model-explainability-reviewed': { framework: 'hipaa', reason: 'The Security Rule has no explainability requirement.' },
  'sagemaker-model-deployed-from-registry': { framework: 'hipaa', reason: 'Release control of model versions is change management, which the Security Rule has no standard for (164.308(a)(8) is the evaluation of the security programme).' },
  'sagemaker-model-package-approval-manual': { framework: 'hipaa', reason: 'Approval of model versions is change management, which the Security Rule has no standard for (164.308(a)(8) is the evaluation of the security programme).' },
};

/** The 38 reference controls of ISO/IEC 42001:2023 Annex A, by id (titles are the catalog's own words). */
export const ISO42001_ANNEX_A = [
  'A.2.2', 'A.2.3', 'A.2.4', 'A.3.2', 'A.3.3', 'A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5',
  'A.6.1.2', 'A.6.1.3', 'A.6.2.2', 'A.6.2.3', 'A.6.2.4', 'A.6.2.5', 'A.6.2.6', 'A.6.2.7', 'A.6.2.8',
  'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6', 'A.8.2', 'A.8.3', 'A.8.4', 'A.8.5', 'A.9.2', 'A.9.3', 'A.9.4', 'A.10.2', 'A.10.3', 'A.10.4',
];
/** ISO titles are short descriptions, not the standard's (copyrighted) wording: at most this many characters. */
export const ISO42001_MAX_TITLE = 60;

/** The EU AI Act provisions the catalog must list: high-risk provider and deployer obligations, post-market and incidents, GPAI. */
export const EU_AI_ACT_MINIMUM = [
  'Art. 9(1)', 'Art. 9(2)', 'Art. 10(2)', 'Art. 11(1)', 'Art. 12(1)', 'Art. 13(1)', 'Art. 14(1)', 'Art. 15(1)', 'Art. 15(5)', 'Art. 17(1)', 'Art. 19(1)',
  'Art. 26(1)', 'Art. 26(5)', 'Art. 26(6)', 'Art. 27(1)', 'Art. 50(1)', 'Art. 72(1)', 'Art. 73(1)', 'Art. 53(1)(a)', 'Art. 55(1)(a)',
];
/** The process obligations the Act asks people for: never decided by configuration. */
export const EU_AI_ACT_MANUAL = ['Art. 9(1)', 'Art. 9(2)', 'Art. 11(1)', 'Art. 14(1)', 'Art. 14(4)', 'Art. 17(1)', 'Art. 72(1)', 'Art. 72(2)', 'Art. 73(1)'];
/** AI-framework titles paraphrase the text: at most this many characters. */
export const EU_AI_ACT_MAX_TITLE = 120;

/** AI-service controls mapped in neither AI framework, because no requirement there is a defensible fit. */
export const AI_FRAMEWORK_MAPPING_EXCEPTIONS: Record<string, string> = {
  'data-resides-in-allowed-regions': 'Data residency is a transfer question (GDPR Chapter V); neither the AI Act nor ISO/IEC 42001 Annex A sets a location requirement.',
  'lex-sensitive-slots-obfuscated': 'Masking slot values in conversation logs protects personal data (GDPR, HIPAA); neither AI framework has a requirement on it.',
};
