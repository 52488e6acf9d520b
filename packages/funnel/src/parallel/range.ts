import { runSimpleFunnelRange } from '../events/compute-funnel';
import type { RangePart, RangeRequest } from './protocol';

/**
 * Runs the simple sequential kernel over one user range of the columns: one pass counts the range's
 * events, one copies them (in input order, user index made relative to the range) into compact
 * columns, then the same kernel as `computeFunnel` runs on them. Each user's events all fall in one
 * range, so a user's outcome is the one the whole input gives.
 */
export function runRange(request: Omit<RangeRequest, 'id'>): RangePart {
  const { plan, user, name, timestamp, userFrom, userTo, timing } = request;
  const count = user.length;
  const span = userTo - userFrom;
  let inRange = 0;
  for (let event = 0; event < count; event += 1) inRange += (user[event]! - userFrom) >>> 0 < span ? 1 : 0;
  const localUser = new Int32Array(inRange);
  const localName = name instanceof Uint8Array ? new Uint8Array(inRange) : new Uint16Array(inRange);
  const localTime = new Float64Array(inRange);
  let position = 0;
  let runs = 0;
  let previous = -1;
  for (let event = 0; event < count; event += 1) {
    const local = user[event]! - userFrom;
    if (local >>> 0 >= span) continue;
    if (local !== previous) runs += 1;
    previous = local;
    localUser[position] = local;
    localName[position] = name[event]!;
    localTime[position] = timestamp[event]!;
    position += 1;
  }
  const { tally, sink } = runSimpleFunnelRange(plan, localUser, span, runs, localName, localTime, timing);
  const fromPrevious: Float64Array[] = [];
  const fromFirst: Float64Array[] = [];
  if (sink !== undefined) {
    for (let step = 1; step < plan.stepCount; step += 1) {
      const from = (step - 1) * span;
      const to = sink.cursor[step]!;
      fromPrevious.push(sink.fromPrevious.slice(from, to));
      fromFirst.push(sink.fromFirst.slice(from, to));
    }
  }
  return { tally, fromPrevious, fromFirst };
}
