import { defaultTimeZone, parseInput, timeZoneSchema } from '@kizuna/core';
import * as z from 'zod';
import { createLocalDayIndexer, dayNumberToDate, periodStartDay } from '../time/local-day';
import { type EventsInput, normalizeEvents } from './event-input';

/**
 * Distinct users per key in linear time. `key[i]` is in 0 … keyCount − 1. One pass with a per-user
 * stamp when each user's keys never decrease in input order (true for time-ordered logs and for
 * exports grouped by user and time); otherwise a counting sort by key first.
 */
function distinctUsersPerKey(
  key: Int32Array,
  keyCount: number,
  user: Int32Array,
  userCount: number,
): { users: Int32Array; events: Int32Array } {
  const users = new Int32Array(keyCount);
  const events = new Int32Array(keyCount);
  const stamp = new Int32Array(userCount).fill(-1);
  const count = key.length;
  let monotone = true;
  for (let index = 0; index < count; index += 1) {
    const group = key[index]!;
    const person = user[index]!;
    const last = stamp[person]!;
    events[group]! += 1;
    if (last === group) continue;
    if (last > group) {
      monotone = false;
      break;
    }
    stamp[person] = group;
    users[group]! += 1;
  }
  if (monotone) return { users, events };
  users.fill(0);
  stamp.fill(-1);
  const offsets = new Int32Array(keyCount + 1);
  for (let index = 0; index < count; index += 1) offsets[key[index]! + 1]! += 1;
  for (let group = 0; group < keyCount; group += 1) offsets[group + 1]! += offsets[group]!;
  const cursor = offsets.slice(0, keyCount);
  const order = new Int32Array(count);
  for (let index = 0; index < count; index += 1) order[cursor[key[index]!]!++] = user[index]!;
  for (let group = 0; group < keyCount; group += 1) {
    events[group] = offsets[group + 1]! - offsets[group]!;
    for (let position = offsets[group]!; position < offsets[group + 1]!; position += 1) {
      const person = order[position]!;
      if (stamp[person] !== group) {
        stamp[person] = group;
        users[group]! += 1;
      }
    }
  }
  return { users, events };
}

/**
 * Distinct users per event name and overall in one pass: a per-user bit mask of the names seen
 * (up to 31 names), or {@link distinctUsersPerKey} beyond that.
 */
function distinctUsersPerName(
  name: ArrayLike<number>,
  nameCount: number,
  user: Int32Array,
  userCount: number,
): { users: Int32Array; events: Int32Array; distinct: number } {
  const count = user.length;
  if (nameCount > 31) {
    const key = Int32Array.from(name);
    const perName = distinctUsersPerKey(key, nameCount, user, userCount);
    const everyone = distinctUsersPerKey(new Int32Array(count), 1, user, userCount);
    return { ...perName, distinct: count === 0 ? 0 : everyone.users[0]! };
  }
  const users = new Int32Array(nameCount);
  const events = new Int32Array(nameCount);
  const seen = new Int32Array(userCount);
  let distinct = 0;
  for (let index = 0; index < count; index += 1) {
    const code = name[index]!;
    const person = user[index]!;
    const mask = seen[person]!;
    const bit = 1 << code;
    events[code]! += 1;
    if ((mask & bit) !== 0) continue;
    if (mask === 0) distinct += 1;
    seen[person] = mask | bit;
    users[code]! += 1;
  }
  return { users, events, distinct };
}

/** Options of {@link countActiveUsers}. */
export const activeUsersOptionsSchema = z
  .object({
    /** @defaultValue 'day' (daily active users) */
    period: z.enum(['day', 'week', 'month']).default('day'),
    /** Time zone of the calendar. @defaultValue 'Asia/Tokyo' */
    timeZone: timeZoneSchema.default(defaultTimeZone),
    /** Count only events with these names. @defaultValue every event */
    names: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Options of {@link countActiveUsers} as you may write them. */
export type ActiveUsersOptionsInput = z.input<typeof activeUsersOptionsSchema>;

/** Active users per period, and distinct users overall and per event name. */
export interface ActiveUsersResult {
  /** One row per period with at least one event, oldest first. */
  readonly periods: readonly {
    /** First local date of the period, `YYYY-MM-DD`. */
    readonly periodStart: string;
    /** Distinct users with at least one counted event in the period. */
    readonly activeUsers: number;
    readonly events: number;
  }[];
  /** Distinct users over all counted events. */
  readonly distinctUsers: number;
  /** Distinct users and events per event name, most users first. */
  readonly byName: readonly { readonly name: string; readonly users: number; readonly events: number }[];
  readonly events: number;
}

/**
 * Daily (or weekly, monthly) active users and distinct-user counts: a user is active in a period
 * when they have at least one counted event whose local date (in `timeZone`) falls in it.
 * Linear in the events: one pass when events are in time order, a counting sort by period
 * otherwise — never a sort of the whole input.
 *
 * @throws KizunaValidationError for bad events or options
 * @example
 * ```ts
 * const events = [
 *   { userId: 'u1', name: 'login', timestamp: '2026-04-06T09:00:00Z' },
 *   { userId: 'u1', name: 'measure', timestamp: '2026-04-06T10:00:00Z' },
 *   { userId: 'u2', name: 'login', timestamp: '2026-04-06T11:00:00Z' },
 *   { userId: 'u1', name: 'login', timestamp: '2026-04-07T09:00:00Z' },
 * ];
 * console.log(countActiveUsers(events, { period: 'day', timeZone: 'UTC' }).periods);
 * // [{ periodStart: '2026-04-06', activeUsers: 2, events: 3 }, { periodStart: '2026-04-07', activeUsers: 1, events: 1 }]
 * ```
 */
export function countActiveUsers(
  input: EventsInput,
  options: ActiveUsersOptionsInput = {},
): ActiveUsersResult {
  const parsed = parseInput(activeUsersOptionsSchema, options, 'active users options');
  const events = normalizeEvents(input);
  let user = events.user;
  let name = events.name;
  let timestamp = events.timestamp;
  if (parsed.names !== undefined) {
    const wanted = new Uint8Array(events.names.length);
    events.names.forEach((eventName, code) => {
      if (parsed.names!.includes(eventName)) wanted[code] = 1;
    });
    let kept = 0;
    for (let index = 0; index < events.count; index += 1) kept += wanted[events.name[index]!]!;
    const keptUser = new Int32Array(kept);
    const keptName = new Int32Array(kept);
    const keptTime = new Float64Array(kept);
    let position = 0;
    for (let index = 0; index < events.count; index += 1) {
      if (wanted[events.name[index]!] === 0) continue;
      keptUser[position] = events.user[index]!;
      keptName[position] = events.name[index]!;
      keptTime[position] = events.timestamp[index]!;
      position += 1;
    }
    user = keptUser;
    name = keptName;
    timestamp = keptTime;
  }
  const count = user.length;
  const days = createLocalDayIndexer(parsed.timeZone);
  const period = new Int32Array(count);
  let first = 2_147_483_647;
  let last = -2_147_483_648;
  for (let index = 0; index < count; index += 1) {
    const day = days.dayOf(timestamp[index]!);
    period[index] = day;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  // Map each local day to its period through a small table over the days spanned.
  const span = count === 0 ? 0 : last - first + 1;
  const periodOfDay = new Int32Array(span);
  for (let offset = 0; offset < span; offset += 1)
    periodOfDay[offset] = periodStartDay(first + offset, parsed.period);
  const firstPeriod = span === 0 ? 0 : periodOfDay[0]!;
  for (let offset = 0; offset < span; offset += 1) periodOfDay[offset] = periodOfDay[offset]! - firstPeriod;
  for (let index = 0; index < count; index += 1) period[index] = periodOfDay[period[index]! - first]!;
  const periodCount = span === 0 ? 0 : periodOfDay[span - 1]! + 1;
  const byPeriod = distinctUsersPerKey(period, periodCount, user, events.userCount);
  const byName = distinctUsersPerName(name, events.names.length, user, events.userCount);
  const periods = [];
  for (let offset = 0; offset < periodCount; offset += 1) {
    if (byPeriod.events[offset] === 0) continue;
    periods.push({
      periodStart: dayNumberToDate(firstPeriod + offset),
      activeUsers: byPeriod.users[offset]!,
      events: byPeriod.events[offset]!,
    });
  }
  return {
    periods,
    distinctUsers: byName.distinct,
    byName: events.names
      .map((eventName, code) => ({
        name: eventName,
        users: byName.users[code]!,
        events: byName.events[code]!,
      }))
      .filter((row) => row.events > 0)
      .sort(
        (left, right) =>
          right.users - left.users || (left.name < right.name ? -1 : left.name > right.name ? 1 : 0),
      ),
    events: count,
  };
}
