import { type Action, createConsoleNotifier, createWebhookNotifier, type Notifier } from '@kizuna/core';
import type { WorkerEnvironment } from '../config/worker-config';
import type { WorkerLogger } from '../pipeline/worker-logger';

/**
 * The notifier of the environment: Slack (any Slack-compatible webhook) through
 * `SLACK_WEBHOOK_URL`, with retries and the action's Idempotency-Key; without it, each notification
 * is written to the log.
 */
export function createNotifier(environment: WorkerEnvironment, logger: WorkerLogger): Notifier {
  if (environment.SLACK_WEBHOOK_URL !== undefined) {
    return createWebhookNotifier({ url: environment.SLACK_WEBHOOK_URL, name: 'slack' });
  }
  const console = createConsoleNotifier({
    write: (line) => logger.info({ notification: line }, 'notification'),
  });
  return {
    name: 'log',
    send: (action: Action) => console.send(action),
  };
}
