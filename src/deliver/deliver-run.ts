// After a run is recorded: upload to the evidence locker, then notify, as the config asks.
// Each step is independent: a webhook outage must not stop the SNS message, and the reverse.
import { S3Client } from '@aws-sdk/client-s3';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { STSClient } from '@aws-sdk/client-sts';
import type { DeliveryConfig } from '../config/operations-config.ts';
import type { IterableResults } from '../results/run-results.ts';
import { notificationText } from './notification-text.ts';
import { postWebhook, publishSns, snsClientFor } from './notify.ts';
import { runSummaryView } from './run-summary-view.ts';
import { uploadPackage, type UploadReport } from './s3-evidence-locker.ts';
import { importToSecurityHub, type SecurityHubImportReport } from './security-hub.ts';
import type { PreviousDelivery } from './archive-findings.ts';

export interface DeliveryClients {
  s3?: S3Client;
  sns?: SNSClient;
  fetch?: typeof fetch;
  securityHub?: (region: string) => SecurityHubClient;
  sts?: STSClient;
}

export interface DeliveryReport {
  upload?: UploadReport;
  webhookStatus?: number;
  snsMessageId?: string;
  securityHub?: SecurityHubImportReport;
  errors: string[];
}

/** `previous`: the previous run's open findings, so Security Hub archives the ones fixed since. */
export async function deliverRun(delivery: DeliveryConfig | undefined, packagePath: string, results: IterableResults, clients: DeliveryClients = {}, now = new Date(), templatesDir?: string, previous?: PreviousDelivery): Promise<DeliveryReport> {
  const report: DeliveryReport = { errors: [] };
  if (!delivery) return report;
  if (delivery.s3) {
    const s3 = clients.s3 ?? new S3Client(delivery.s3.region ? { region: delivery.s3.region } : {});
    try {
      report.upload = await uploadPackage(s3, packagePath, { bucket: delivery.s3.bucket, prefix: delivery.s3.prefix, kmsKeyId: delivery.s3.kmsKeyId, now });
    } catch (err) {
      report.errors.push(`upload to s3://${delivery.s3.bucket}: ${(err as Error).message}`);
    }
  }
  if (delivery.securityHub) {
    try {
      const hub = await importToSecurityHub(results, { homeRegion: delivery.securityHub.homeRegion, clientFor: clients.securityHub, sts: clients.sts, ...(previous ? { previous } : {}) });
      report.securityHub = hub;
      for (const e of hub.errors) report.errors.push(`Security Hub ${e}`);
      if (hub.failures.length) report.errors.push(`Security Hub rejected ${hub.failed} finding(s), e.g. ${hub.failures.map((f) => `${f.id}: ${f.code} ${f.message}`).join('; ')}`);
    } catch (err) {
      report.errors.push(`Security Hub: ${(err as Error).message}`);
    }
  }
  if (!delivery.webhook && !delivery.sns) return report;
  const view = runSummaryView(results, packagePath, report.upload ? `s3://${report.upload.bucket}/${report.upload.prefix}/` : undefined);
  const text = await notificationText(view, templatesDir);
  if (delivery.webhook) {
    try {
      report.webhookStatus = await postWebhook(delivery.webhook.url, view, text, clients.fetch);
    } catch (err) {
      report.errors.push(`webhook: ${(err as Error).message}`);
    }
  }
  if (delivery.sns) {
    try {
      report.snsMessageId = await publishSns(clients.sns ?? snsClientFor(delivery.sns.topicArn), delivery.sns.topicArn, text);
    } catch (err) {
      report.errors.push(`SNS ${delivery.sns.topicArn}: ${(err as Error).message}`);
    }
  }
  return report;
}
