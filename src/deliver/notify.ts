// Notifications after a run: a webhook POST with a JSON summary (Node's fetch) and/or an SNS publish.
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { NotificationText } from './notification-text.ts';
import type { RunSummaryView } from './run-summary-view.ts';

export interface WebhookPayload {
  event: 'proofline.run.completed';
  subject: string;
  text: string;
  summary: RunSummaryView;
}

export async function postWebhook(url: string, view: RunSummaryView, text: NotificationText, fetchFn: typeof fetch = fetch, timeoutMs = 15_000): Promise<number> {
  const payload: WebhookPayload = { event: 'proofline.run.completed', subject: text.subject, text: text.message, summary: view };
  const res = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`webhook ${new URL(url).host} answered HTTP ${res.status}`);
  return res.status;
}

export async function publishSns(client: SNSClient, topicArn: string, text: NotificationText): Promise<string | undefined> {
  const out = await client.send(new PublishCommand({ TopicArn: topicArn, Subject: text.subject, Message: text.message }));
  return out.MessageId;
}

export function snsClientFor(topicArn: string): SNSClient {
  return new SNSClient({ region: topicArn.split(':')[3] });
}
