// ACM in the sample account. eu-west-1: the API certificate (valid), and an imported certificate for
// the patient intake site that expires in 12 days. us-east-1: a request whose validation failed and
// one still pending (not judged).
import type { CertificateSummary, ListCertificatesCommandOutput } from '@aws-sdk/client-acm';
import type { SimulatedAws } from '../../src/collect/simulated-aws.ts';
import { arn, daysBefore } from './account.ts';

const daysAfter = (d: number) => daysBefore(-d);
const certArn = (region: string, id: string) => arn('acm', region, `certificate/${id}`);

const CERTS: Record<string, CertificateSummary[]> = {
  'eu-west-1': [
    { CertificateArn: certArn('eu-west-1', '0b6a2f47-3c1d-4e8a-9f25-7d1c3e5a9b01'), DomainName: 'api.acme-health.example', SubjectAlternativeNameSummaries: ['api.acme-health.example'], Status: 'ISSUED', Type: 'AMAZON_ISSUED', KeyAlgorithm: 'RSA_2048', InUse: true, RenewalEligibility: 'ELIGIBLE', NotBefore: daysBefore(160), NotAfter: daysAfter(235), CreatedAt: daysBefore(520), IssuedAt: daysBefore(160) },
    { CertificateArn: certArn('eu-west-1', '5e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c02'), DomainName: 'intake.acme-health.example', SubjectAlternativeNameSummaries: ['intake.acme-health.example'], Status: 'ISSUED', Type: 'IMPORTED', KeyAlgorithm: 'EC_prime256v1', InUse: true, RenewalEligibility: 'INELIGIBLE', NotBefore: daysBefore(353), NotAfter: daysAfter(12), CreatedAt: daysBefore(350), ImportedAt: daysBefore(350) },
  ],
  'us-east-1': [
    { CertificateArn: certArn('us-east-1', '7c3b1a9e-2d4f-4a6b-8e0c-5f7a9b1c3d03'), DomainName: 'demo.acme-health.example', SubjectAlternativeNameSummaries: ['demo.acme-health.example'], Status: 'FAILED', Type: 'AMAZON_ISSUED', KeyAlgorithm: 'RSA_2048', InUse: false, RenewalEligibility: 'INELIGIBLE', CreatedAt: daysBefore(95) },
    { CertificateArn: certArn('us-east-1', '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e504'), DomainName: 'proto.acme-health.example', SubjectAlternativeNameSummaries: ['proto.acme-health.example'], Status: 'PENDING_VALIDATION', Type: 'AMAZON_ISSUED', KeyAlgorithm: 'RSA_2048', InUse: false, RenewalEligibility: 'INELIGIBLE', CreatedAt: daysBefore(2) },
  ],
};

export function register(sim: SimulatedAws): void {
  sim.on<ListCertificatesCommandOutput>('acm.ListCertificates', (_input, t) => ({ CertificateSummaryList: CERTS[t.region] ?? [] }));
}
