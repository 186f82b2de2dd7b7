// "Acme Health AI": a company that trains and serves clinical-text models. Primary region
// eu-west-1 (EU patient data), secondary us-east-1. Some resources are compliant, some are not.
export const ACCOUNT = '111122223333';
export const REGIONS = ['eu-west-1', 'us-east-1'] as const;
export const ALLOWED_REGIONS = ['eu-west-1', 'eu-central-1'];
/** The recording time of the sample (fixed so the sample rebuilds byte-identically). */
export const RECORDED_AT = new Date('2026-11-20T02:00:00.000Z');

export function arn(service: string, region: string, resource: string, account = ACCOUNT): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

export function keyArn(region: string, keyId: string): string {
  return arn('kms', region, `key/${keyId}`);
}

export function daysBefore(days: number): Date {
  return new Date(RECORDED_AT.getTime() - days * 86_400_000);
}
