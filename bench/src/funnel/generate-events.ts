/**
 * Deterministic synthetic product events for the funnel benchmark: `users` people, each with a
 * handful of events over 30 days, some of them funnel steps (visit → signup → activate → pay) with
 * realistic drop-off, the rest noise. A seeded xorshift generator makes every run identical.
 */

/** Event names; the first four are the funnel's steps. */
export const benchNames = ['visit', 'signup', 'activate', 'pay', 'scroll', 'click', 'open', 'logout'];

/** Columns as an Arrow export would give them. */
export interface BenchEvents {
  readonly user: Int32Array;
  readonly name: Uint8Array;
  readonly names: string[];
  readonly timestamp: Float64Array;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

const start = Date.parse('2026-03-01T00:00:00Z');
const minute = 60_000;

/**
 * Generates `count` events grouped by user (each user's events contiguous and in time order), the
 * layout of an export ordered by user and time.
 */
export function generateGroupedEvents(count: number, seed = 42): BenchEvents {
  const next = random(seed);
  const user = new Int32Array(count);
  const name = new Uint8Array(count);
  const timestamp = new Float64Array(count);
  let index = 0;
  let person = 0;
  while (index < count) {
    const events = 4 + Math.floor(next() * 13); // 4–16 events, 10 on average
    let time = start + Math.floor(next() * 30 * 24 * 60) * minute;
    let stage = 0;
    for (let position = 0; position < events && index < count; position += 1) {
      // A step event advances the user's stage with falling probability; otherwise noise, or an
      // occasional repeat of an earlier step.
      const roll = next();
      let code: number;
      if (stage < 4 && roll < [0.6, 0.45, 0.4, 0.35][stage]!) code = stage++;
      else if (roll > 0.93) code = Math.floor(next() * 4);
      else code = 4 + Math.floor(next() * 4);
      user[index] = person;
      name[index] = code;
      timestamp[index] = time;
      index += 1;
      time += Math.floor(next() * next() * 4 * 24 * 60) * minute; // mostly minutes, sometimes days
    }
    person += 1;
  }
  return { user, name, names: benchNames, timestamp };
}

/**
 * The same events interleaved across users (round robin over each user's k-th event), so no
 * user's events are contiguous: the layout of a log ordered by arrival.
 */
export function interleaveByUser(events: BenchEvents): BenchEvents {
  const count = events.user.length;
  const users = events.user[count - 1]! + 1;
  const firstOf = new Int32Array(users + 1);
  for (let index = 0; index < count; index += 1) firstOf[events.user[index]! + 1]! += 1;
  let longest = 0;
  for (let person = 0; person < users; person += 1) {
    longest = Math.max(longest, firstOf[person + 1]!);
    firstOf[person + 1]! += firstOf[person]!;
  }
  const user = new Int32Array(count);
  const name = new Uint8Array(count);
  const timestamp = new Float64Array(count);
  let target = 0;
  for (let round = 0; round < longest; round += 1) {
    for (let person = 0; person < users; person += 1) {
      const source = firstOf[person]! + round;
      if (source >= firstOf[person + 1]!) continue;
      user[target] = person;
      name[target] = events.name[source]!;
      timestamp[target] = events.timestamp[source]!;
      target += 1;
    }
  }
  return { user, name, names: events.names, timestamp };
}
