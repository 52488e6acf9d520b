import type { Action, Notifier } from '@kizuna/core';

/** A notifier for tests that records every action it is asked to send, duplicates included. */
export function createRecordingNotifier(): Notifier & { readonly sent: Action[] } {
  const sent: Action[] = [];
  return {
    name: 'recording',
    sent,
    async send(action) {
      sent.push(action);
      return { notifier: 'recording', attempts: 1 };
    },
  };
}
