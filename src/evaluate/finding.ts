// What a rule concludes about one resource (or one account/region) for one control.
export type FindingStatus = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export interface ResourceRef {
  /** CloudFormation-style type, e.g. AWS::SageMaker::NotebookInstance; AWS::::Account for account/region-level facts. */
  type: string;
  id: string;
  arn?: string;
}

export interface Finding {
  id: string;
  controlId: string;
  status: FindingStatus;
  resource: ResourceRef;
  account: string;
  region: string;
  reason: string;
  /** Ids of the evidence records that justify the finding. */
  evidence: string[];
}

export function findingId(controlId: string, account: string, region: string, resourceId: string): string {
  return `${controlId}:${account}:${region}:${resourceId}`;
}
