import type { Action } from '../actions/action';
import { formatActionText } from './format-action';
import type { Notifier } from './notifier';

/**
 * A notifier that writes each action as one line, for demos and local runs. Each idempotency key
 * is written once per notifier.
 *
 * @param options.write - where lines go @defaultValue console.log
 */
export function createConsoleNotifier(options: { readonly write?: (line: string) => void } = {}): Notifier {
  const write = options.write ?? ((line: string) => console.log(line));
  const sent = new Set<string>();
  return {
    name: 'console',
    async send(action: Action) {
      if (!sent.has(action.idempotencyKey)) {
        sent.add(action.idempotencyKey);
        write(formatActionText(action));
      }
      return { notifier: 'console', attempts: 1 };
    },
  };
}
