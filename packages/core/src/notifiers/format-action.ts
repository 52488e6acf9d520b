import type { Action } from '../actions/action';

const priorityMarks: Record<Action['priority'], string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '⚪',
};

/**
 * One human-readable line per action, for chat messages and logs:
 * `🔴 [critical] csm_intervention for cust-1 (csm, due 2026-04-01T09:00:00.000Z): Call the customer`.
 */
export function formatActionText(action: Action): string {
  const who = action.customerId === undefined ? '' : ` for ${action.customerId}`;
  const reasons = action.reasons.length === 0 ? '' : ` — ${action.reasons.join('; ')}`;
  return `${priorityMarks[action.priority]} [${action.priority}] ${action.type}${who} (${action.owner}, due ${action.dueAt}): ${action.title}${reasons}`;
}
