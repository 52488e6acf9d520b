/**
 * Visits each user's relevant events in (timestamp, rank) order without sorting the whole input.
 *
 * 1. Optimistic single pass: when each user's events are contiguous (any order of users — the
 *    shape of an export ordered by user), the events are visited run by run.
 * 2. Otherwise a counting sort by user: one pass to count, a prefix sum over users, one pass to
 *    scatter event indexes — linear in events plus users.
 *
 * Within one user, events already in time order are visited as they are; a user whose events are
 * out of order has only their own events sorted (cost k log k for that user's k events). Ties on
 * the timestamp are broken by `rank` (per event name), then by `tieBreak` (per event, e.g. the
 * canonical rank of a breakdown value), so the result never depends on input order.
 */
export function forEachUser(
  user: Int32Array,
  userCount: number,
  name: ArrayLike<number>,
  timestamp: Float64Array,
  relevant: Uint8Array,
  rank: Int32Array,
  visit: (slot: number, indices: Int32Array, length: number) => void,
  tieBreak?: Int32Array,
): void {
  const count = user.length;
  const compare = (left: number, right: number) =>
    timestamp[left]! - timestamp[right]! ||
    rank[name[left]!]! - rank[name[right]!]! ||
    (tieBreak === undefined ? 0 : tieBreak[left]! - tieBreak[right]!) ||
    left - right;

  function visitInOrder(slot: number, indices: Int32Array, length: number, ordered = false) {
    if (ordered) {
      visit(slot, indices, length);
      return;
    }
    let previousTime = Number.NEGATIVE_INFINITY;
    let previousRank = 0;
    let previousTie = 0;
    for (let position = 0; position < length; position += 1) {
      const event = indices[position]!;
      const time = timestamp[event]!;
      const eventRank = rank[name[event]!]!;
      const tie = tieBreak === undefined ? 0 : tieBreak[event]!;
      if (
        time < previousTime ||
        (time === previousTime &&
          (eventRank < previousRank || (eventRank === previousRank && tie < previousTie)))
      ) {
        indices.subarray(0, length).sort(compare);
        break;
      }
      previousTime = time;
      previousRank = eventRank;
      previousTie = tie;
    }
    visit(slot, indices, length);
  }

  // 1. Contiguous runs per user.
  const seen = new Uint8Array(userCount);
  let buffer = new Int32Array(256);
  let length = 0;
  let current = -1;
  let contiguous = true;
  // Whether the current run is already in (timestamp, rank, tie-break) order, checked on the way in.
  let ordered = true;
  let previousTime = Number.NEGATIVE_INFINITY;
  let previousRank = 0;
  let previousTie = 0;
  for (let event = 0; event < count; event += 1) {
    const person = user[event]!;
    if (person !== current) {
      if (length > 0) visitInOrder(current, buffer, length, ordered);
      if (seen[person] === 1) {
        contiguous = false;
        break;
      }
      seen[person] = 1;
      current = person;
      length = 0;
      ordered = true;
      previousTime = Number.NEGATIVE_INFINITY;
    }
    const code = name[event]!;
    if (relevant[code] === 1) {
      if (length === buffer.length) {
        const grown = new Int32Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer[length++] = event;
      if (ordered) {
        const time = timestamp[event]!;
        const eventRank = rank[code]!;
        const tie = tieBreak === undefined ? 0 : tieBreak[event]!;
        if (
          time < previousTime ||
          (time === previousTime &&
            (eventRank < previousRank || (eventRank === previousRank && tie < previousTie)))
        )
          ordered = false;
        previousTime = time;
        previousRank = eventRank;
        previousTie = tie;
      }
    }
  }
  if (contiguous) {
    if (length > 0) visitInOrder(current, buffer, length, ordered);
    return;
  }

  // 2. Counting sort by user; every user is visited again from scratch.
  const offsets = new Int32Array(userCount + 1);
  for (let event = 0; event < count; event += 1) {
    if (relevant[name[event]!] === 1) offsets[user[event]! + 1]! += 1;
  }
  for (let person = 0; person < userCount; person += 1) offsets[person + 1]! += offsets[person]!;
  const order = new Int32Array(offsets[userCount]!);
  const cursor = offsets.slice(0, userCount);
  for (let event = 0; event < count; event += 1) {
    if (relevant[name[event]!] === 1) order[cursor[user[event]!]!++] = event;
  }
  for (let person = 0; person < userCount; person += 1) {
    const from = offsets[person]!;
    const to = offsets[person + 1]!;
    if (to > from) visitInOrder(person, order.subarray(from, to), to - from);
  }
}
