import { createConsoleNotifier, createWebhookNotifier, type Notifier } from '@kizuna/core';
import type { Logger } from 'pino';

/**
 * Where actions and chat hand-overs go: a webhook (Slack incoming webhook, ...) when a URL is
 * configured, else one log line per action.
 */
export function createNotifier(options: { readonly webhookUrl?: string; readonly logger: Logger }): Notifier {
  if (options.webhookUrl !== undefined)
    return createWebhookNotifier({ url: options.webhookUrl, name: 'webhook' });
  return createConsoleNotifier({
    write: (line) => options.logger.info({ notification: line }, 'action delivered to the log'),
  });
}
