import { runSimpleFunnelRange } from '../events/compute-funnel';
import type { RangePart, RangeRequest } from './protocol';

/** 1 when `local` lies in [0, span), else 0, without a branch (indexes are below 2^31). */
function insideMask(local: number, span: number): number {
  return ((local - span) & ~local) >>> 31;
}

/**
 * Runs the simple sequential kernel over users `userFrom … userTo − 1` of the shared columns, in
 * place. When the range's events are one contiguous slice (rows in user order), the kernel
 * `computeFunnel` would choose runs on that slice; else the bucket kernel reads every event and
 * skips the other users' without a branch. Each user's events all fall in one range, so a user's
 * outcome is the one the whole input gives. With `times`, step s's times are written from
 * (s − 1) × userCount + userFrom on.
 */
export function runRange(request: Omit<RangeRequest, 'id'>): RangePart {
  const { plan, user, name, timestamp, userFrom, userTo, times } = request;
  const count = user.length;
  const span = userTo - userFrom;
  const sink =
    times === null
      ? undefined
      : {
          cursor: Int32Array.from({ length: plan.stepCount }, (_, step) =>
            step === 0 ? 0 : (step - 1) * times.userCount + userFrom,
          ),
          fromPrevious: times.fromPrevious,
          fromFirst: times.fromFirst,
        };
  let first = 0;
  while (first < count && insideMask(user[first]! - userFrom, span) === 0) first += 1;
  let last = count - 1;
  while (last > first && insideMask(user[last]! - userFrom, span) === 0) last -= 1;
  // Contiguous when no other user's event lies between the first and the last of the range; then
  // count the runs of equal consecutive users, to pick the kernel as computeFunnel does.
  let runs = 0;
  let contiguous = true;
  for (let event = first; event <= last; event += 1) {
    const person = user[event]!;
    if (insideMask(person - userFrom, span) === 0) {
      contiguous = false;
      break;
    }
    if (event === first || person !== user[event - 1]) runs += 1;
  }
  let tally: Int32Array;
  if (contiguous) {
    // The slice as it is, user indexes unchanged: slots 0 … userFrom − 1 stay empty, and count as
    // runs of their own so the kernel sees runs > slots only when a user's events are split.
    const end = first <= last ? last + 1 : first;
    tally = runSimpleFunnelRange(
      plan,
      user.subarray(first, end),
      userTo,
      runs + userFrom,
      name.subarray(first, end),
      timestamp.subarray(first, end),
      sink,
    );
  } else {
    tally = runSimpleFunnelRange(plan, user, span, 0, name, timestamp, sink, userFrom);
  }
  return { tally, timesEnd: sink === undefined ? null : sink.cursor };
}
