// AWS Security Finding Format (ASFF, schema 2018-10-08) for AWS Security Hub: one finding per failing
// or unknown Proofline finding, ready for BatchImportFindings through the account's default product.
// Decisions (docs/package.md): Id is the stable finding id, so the next run updates the same Security
// Hub finding; each finding goes to the Region of its resource (global resources to the home Region);
// unknown keeps its control's severity (fail closed) with Compliance.Status NOT_AVAILABLE.
import { createHash } from 'node:crypto';
import type { AwsSecurityFinding, Resource, SeverityLabel } from '@aws-sdk/client-securityhub';
import type { FrameworkId } from '../../catalog/catalog-schema.ts';
import type { ControlEntry, IterableResults, ResultFinding, RunResults } from '../../results/run-results.ts';
import { isRegionName, partitionOf } from '../../util/aws-ids.ts';
import { controlOf, controlRequirementRefs, exportedControls, frameworksOf, truncate } from './export-common.ts';

export const ASFF_SCHEMA_VERSION = '2018-10-08';
/** ASFF field limits (AWS Security Hub API reference). */
const LIMITS = { id: 512, title: 256, description: 1024, recommendation: 512, relatedRequirements: 32, productFieldValue: 2048 };

/** Where findings about global resources (IAM, the account) are imported; defaults to the run's first Region. */
export interface AsffOptions {
  homeRegion?: string;
}

/** The Types taxonomy entry per framework (namespace/category/classifier). */
const FRAMEWORK_TYPES: Record<FrameworkId, string> = {
  gdpr: 'Software and Configuration Checks/Industry and Regulatory Standards/GDPR Controls (Europe)',
  hipaa: 'Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls (USA)',
  soc2: 'Software and Configuration Checks/Industry and Regulatory Standards/SOC 2',
  euaiact: 'Software and Configuration Checks/Industry and Regulatory Standards/EU AI Act',
  iso42001: 'Software and Configuration Checks/Industry and Regulatory Standards/ISO 42001',
};
const BEST_PRACTICES_TYPE = 'Software and Configuration Checks/AWS Security Best Practices';

/** ASFF resource types for the CloudFormation types rules report; anything else is "Other" with its type in Details. */
const RESOURCE_TYPES: Record<string, string> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::IAM::RootUser': 'AwsAccount',
  'AWS::ApiGateway::RestApi': 'AwsApiGatewayRestApi',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::ApiGatewayV2::Api': 'AwsApiGatewayV2Api',
  'AWS::ApiGatewayV2::Stage': 'AwsApiGatewayV2Stage',
  'AWS::Backup::BackupPlan': 'AwsBackupBackupPlan',
  'AWS::Backup::BackupVault': 'AwsBackupBackupVault',
  'AWS::CertificateManager::Certificate': 'AwsCertificateManagerCertificate',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::VPC': 'AwsEc2Vpc',
  'AWS::ECR::Repository': 'AwsEcrRepository',
  'AWS::EKS::Cluster': 'AwsEksCluster',
  'AWS::GuardDuty::Detector': 'AwsGuardDutyDetector',
  'AWS::IAM::ManagedPolicy': 'AwsIamPolicy',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::SageMaker::NotebookInstance': 'AwsSageMakerNotebookInstance',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
};

const SEVERITY: Record<ControlEntry['severity'], SeverityLabel> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };

export { partitionOf };

/** The Region a finding is imported into: the resource's own, or the home Region for global resources. */
export function findingRegion(f: ResultFinding, homeRegion: string): string {
  return isRegionName(f.region) ? f.region : homeRegion;
}

/** The account's default Security Hub product in a Region (the one BatchImportFindings accepts for custom findings). */
export function defaultProductArn(region: string, account: string): string {
  return `arn:${partitionOf(region)}:securityhub:${region}:${account}:product/${account}/default`;
}

function asffId(f: ResultFinding): string {
  const id = `proofline/${f.id}`;
  return id.length <= LIMITS.id ? id : `proofline/${f.controlId}/sha256-${createHash('sha256').update(f.id).digest('hex')}`;
}

function resource(f: ResultFinding, region: string): Resource {
  const partition = partitionOf(region);
  const type = RESOURCE_TYPES[f.resource.type] ?? 'Other';
  // Security Hub identifies AWS resources by ARN: the account's own form, a bucket's from its name.
  const id = type === 'AwsAccount' ? `AWS::::Account:${f.account}` : (f.resource.arn ?? (type === 'AwsS3Bucket' ? `arn:${partition}:s3:::${f.resource.id}` : f.resource.id));
  return {
    Type: type,
    Id: id,
    Partition: partition as Resource['Partition'],
    Region: region,
    Details: { Other: { 'proofline/ResourceType': f.resource.type, 'proofline/ResourceId': truncate(f.resource.id, LIMITS.productFieldValue) } },
  };
}

export function isExportedToAsff(f: ResultFinding): boolean {
  return f.status === 'fail' || f.status === 'unknown';
}

/** One ASFF finding. `run` supplies the times: CreatedAt = the run's start, UpdatedAt = its end. */
export function asffFinding(f: ResultFinding, control: ControlEntry, results: Pick<RunResults, 'run'>, opts: AsffOptions = {}): AwsSecurityFinding {
  const { run } = results;
  const homeRegion = opts.homeRegion ?? run.scope.regions[0] ?? 'us-east-1';
  const region = findingRegion(f, homeRegion);
  const frameworks = frameworksOf(control, run.frameworks);
  const types = frameworks.length ? frameworks.map((fw) => FRAMEWORK_TYPES[fw]) : [BEST_PRACTICES_TYPE];
  const severity = { Label: SEVERITY[control.severity], Original: control.severity };
  const requirements = controlRequirementRefs(control, run.frameworks);
  const productFields: Record<string, string> = {
    'proofline/ControlId': control.id,
    'proofline/FindingId': truncate(f.id, LIMITS.productFieldValue),
    'proofline/Status': f.status,
    'proofline/RunId': run.id,
    'proofline/EvaluatedAt': run.evaluatedAt,
    'proofline/EvidenceRecords': truncate(f.evidence.join(' '), LIMITS.productFieldValue),
  };
  if (requirements.length > LIMITS.relatedRequirements) productFields['proofline/RelatedRequirements'] = truncate(requirements.join('; '), LIMITS.productFieldValue);
  if (f.exception) productFields['proofline/Exception'] = truncate(`${f.exception.status} exception ${f.exception.id}, approved by ${f.exception.approver} on ${f.exception.approvedOn}, expires ${f.exception.expiresOn}: ${f.exception.justification}`, LIMITS.productFieldValue);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: asffId(f),
    ProductArn: defaultProductArn(region, f.account),
    ProductName: 'Proofline',
    CompanyName: 'Proofline',
    GeneratorId: `proofline/${control.id}`,
    AwsAccountId: f.account,
    Types: types,
    CreatedAt: run.startedAt,
    UpdatedAt: run.finishedAt,
    // Scheduled runs know from their history since when the finding has been open.
    ...(f.firstSeen ? { FirstObservedAt: f.firstSeen } : {}),
    Severity: severity,
    FindingProviderFields: { Severity: severity, Types: types },
    Title: truncate(control.title, LIMITS.title),
    Description: truncate(f.status === 'unknown' ? `Could not be evaluated: ${f.reason}` : f.reason, LIMITS.description),
    Remediation: { Recommendation: { Text: truncate(control.remediation, LIMITS.recommendation) } },
    ProductFields: productFields,
    Resources: [resource(f, region)],
    Compliance: { Status: f.status === 'fail' ? 'FAILED' : 'NOT_AVAILABLE', RelatedRequirements: requirements.slice(0, LIMITS.relatedRequirements) },
    RecordState: 'ACTIVE',
  };
}

/** Every failing and unknown finding as ASFF, in results order. */
export function* asffFindings(results: IterableResults, opts: AsffOptions = {}): Generator<AwsSecurityFinding> {
  const controls = exportedControls(results);
  for (const f of results.findings) if (isExportedToAsff(f)) yield asffFinding(f, controlOf(controls, f), results, opts);
}
