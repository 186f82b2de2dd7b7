// Fixed thresholds that rules judge by (the configurable ones are RuleParameters). Listed in one place so
// that every run states them with its parameters in force (results.json run.parameters, manifest.json).
export const RULE_THRESHOLDS = {
  /** acm-certificates-valid-and-not-expiring: an issued certificate must not expire within this many days. */
  certificateExpiryWindowDays: 30,
  /** iam-password-policy-strong: minimum password length. */
  passwordMinLength: 14,
  /** iam-password-policy-strong: previous passwords that may not be reused. */
  passwordReusePrevention: 24,
  /** iam-unused-credentials-disabled: a password or active access key unused for more than this many days fails (CIS AWS Foundations 1.12). */
  unusedCredentialMaxDays: 45,
  /** backup-ai-data-stores-protected: the last AWS Backup recovery point of a data store must be at most this many days old (a monthly plan and a few days' delay). */
  backupRecoveryPointMaxAgeDays: 35,
  /** rds-databases-backups-retained-seven-days: automated backups kept at least this many days. */
  rdsBackupRetentionMinDays: 7,
  /** guardduty-high-severity-findings-triaged: a High or Critical finding still active (not archived) after this many days since it was first seen fails. */
  guardDutyHighFindingTriageDays: 7,
  /** inspector-critical-and-high-vulnerabilities-remediated: days an open Critical finding may stay open (CISA BOD 19-02: 15). */
  inspectorCriticalRemediationDays: 15,
  /** inspector-critical-and-high-vulnerabilities-remediated: days an open High finding may stay open (CISA BOD 19-02: 30). */
  inspectorHighRemediationDays: 30,
} as const;
