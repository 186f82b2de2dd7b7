// Subject and message of a run notification, from templates/notify-*.hbs (plain text: no escaping).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { RunSummaryView } from './run-summary-view.ts';

export const DEFAULT_NOTIFY_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface NotificationText {
  subject: string;
  message: string;
}

export async function notificationText(view: RunSummaryView, dir = DEFAULT_NOTIFY_TEMPLATES_DIR): Promise<NotificationText> {
  const hb = Handlebars.create();
  const render = async (name: string) => {
    const file = join(dir, `notify-${name}.hbs`);
    const source = await readFile(file, 'utf8').catch((err: Error) => {
      throw new Error(`${file}: cannot read notification template (${err.message})`);
    });
    return hb.compile(source, { noEscape: true, strict: false })(view);
  };
  // SNS subjects are one line of at most 100 characters.
  const subject = (await render('subject')).replace(/\s+/g, ' ').trim().slice(0, 100);
  const message = (await render('message')).replace(/\n{3,}/g, '\n\n').trim() + '\n';
  return { subject, message };
}
