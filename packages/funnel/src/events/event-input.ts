import { KizunaValidationError } from '@kizuna/core';

/** A property value on an event, as used for breakdowns. */
export type PropertyValue = string | number | boolean | null;

/** One event as an object: who did what, when. */
export interface FunnelEvent {
  /** The person (or account) who did it. */
  readonly userId: string | number;
  /** The event name, matched against step names exactly (case-sensitive). */
  readonly name: string;
  /** When: epoch milliseconds or an ISO-8601 instant string. */
  readonly timestamp: number | string;
  /** Properties, e.g. `{ source: 'ads' }`; only the breakdown property is read. */
  readonly properties?: Readonly<Record<string, PropertyValue | undefined>>;
}

/**
 * A dictionary-encoded column, the shape Arrow and DuckDB give for strings: `codes[i]` indexes
 * `values`; a negative code means "no value" (null).
 */
export interface DictionaryColumn {
  readonly codes: Int32Array | Uint16Array | Uint8Array | Int16Array | Int8Array;
  readonly values: readonly PropertyValue[];
}

/**
 * Events as columns of equal length, the shape an Arrow or DuckDB export gives. Row `i` is the
 * event `{ user: user[i], name: names[name[i]], timestamp: timestamp[i] }`.
 */
export interface EventColumns {
  /** Dense user index (0, 1, 2, …) per event. Must be ≥ 0. */
  readonly user: Int32Array;
  /** Index into `names` per event. */
  readonly name: Uint8Array | Uint16Array;
  /** The event-name dictionary. */
  readonly names: readonly string[];
  /** Epoch milliseconds per event. */
  readonly timestamp: Float64Array;
  /** Property columns by property name: a plain array of values or a dictionary-encoded column. */
  readonly properties?: Readonly<Record<string, readonly (PropertyValue | undefined)[] | DictionaryColumn>>;
}

/** Events given either as an array of objects or as columns; both give identical results. */
export type EventsInput = readonly FunnelEvent[] | EventColumns;

/** Events after validation, in the one internal shape every engine reads. */
export interface NormalizedEvents {
  readonly count: number;
  /** Dense user index per event, 0 … userCount − 1. */
  readonly user: Int32Array;
  readonly userCount: number;
  readonly name: Uint8Array | Uint16Array | Int32Array;
  readonly names: readonly string[];
  readonly timestamp: Float64Array;
  /**
   * Runs of equal consecutive user indexes (0 for no events). When it exceeds `userCount`, some
   * user's events are not contiguous.
   */
  readonly userRuns: number;
  /**
   * True when user indexes never decrease from one event to the next (rows in user order): every
   * range of users is then one slice of the events.
   */
  readonly usersAscending: boolean;
  /** The original user ids when the input was an array of objects (index → id). */
  readonly userIds?: readonly (string | number)[];
  /** Reads one property column as codes into a value list (−1 = no value). */
  readonly property: (property: string) => { codes: Int32Array; values: PropertyValue[] } | undefined;
}

function isColumns(input: EventsInput): input is EventColumns {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'user' in input;
}

function fail(path: string, message: string): never {
  throw KizunaValidationError.forField('events', path, message);
}

function encodeValues(
  read: (index: number) => PropertyValue | undefined,
  count: number,
): { codes: Int32Array; values: PropertyValue[] } {
  const codes = new Int32Array(count);
  const values: PropertyValue[] = [];
  const lookup = new Map<PropertyValue, number>();
  for (let index = 0; index < count; index += 1) {
    const value = read(index);
    if (value === undefined || value === null) {
      codes[index] = -1;
      continue;
    }
    let code = lookup.get(value);
    if (code === undefined) {
      code = values.length;
      values.push(value);
      lookup.set(value, code);
    }
    codes[index] = code;
  }
  return { codes, values };
}

/**
 * What one pass over events `from … to − 1` of columns finds, enough to validate them and to
 * choose a kernel. Scans of consecutive parts merge with {@link mergeColumnScans}, so threads can
 * each scan a part.
 * @internal
 */
export interface ColumnScan {
  /** The events scanned. */
  readonly from: number;
  readonly to: number;
  readonly minimumUser: number;
  /** −1 for no events. */
  readonly maximumUser: number;
  readonly maximumName: number;
  /** 0 when every timestamp is finite, else NaN. */
  readonly timeCheck: number;
  /** Events whose user differs from the previous event's, inside the part. */
  readonly userChanges: number;
  /** Events whose user index is below the previous event's, inside the part. */
  readonly userDescents: number;
}

/**
 * Checks the types and lengths of the columns (not their values: see {@link scanColumns}).
 * @throws KizunaValidationError naming the bad column
 * @internal
 */
export function checkColumnShapes(input: EventColumns): void {
  const { user, name, names, timestamp } = input;
  if (!(user instanceof Int32Array)) fail('user', 'expected an Int32Array of dense user indexes');
  if (!(name instanceof Uint8Array || name instanceof Uint16Array))
    fail('name', 'expected a Uint8Array or Uint16Array of indexes into names');
  if (!(timestamp instanceof Float64Array))
    fail('timestamp', 'expected a Float64Array of epoch milliseconds');
  if (!Array.isArray(names)) fail('names', 'expected an array of event names');
  const count = user.length;
  if (name.length !== count) fail('name', `expected ${count} entries like user, got ${name.length}`);
  if (timestamp.length !== count)
    fail('timestamp', `expected ${count} entries like user, got ${timestamp.length}`);
}

/**
 * One branch-free pass over events `from … to − 1` of the three columns (of equal length, see
 * {@link checkColumnShapes}). Two events per iteration, with two time sums, so the additions do
 * not wait on each other.
 * @internal
 */
export function scanColumns(
  user: Int32Array,
  name: Uint8Array | Uint16Array,
  timestamp: Float64Array,
  from: number,
  to: number,
): ColumnScan {
  let minimumUser = 0;
  let maximumUser = -1;
  let maximumName = 0;
  let timeCheck = 0;
  let otherTimeCheck = 0;
  let userChanges = 0;
  let userDescents = 0;
  let previousUser = to > from ? user[from]! : 0;
  const pairs = from + ((to - from) & ~1);
  for (let index = from; index < pairs; index += 2) {
    const person = user[index]!;
    const nextPerson = user[index + 1]!;
    minimumUser = person < minimumUser ? person : minimumUser;
    minimumUser = nextPerson < minimumUser ? nextPerson : minimumUser;
    maximumUser = person > maximumUser ? person : maximumUser;
    maximumUser = nextPerson > maximumUser ? nextPerson : maximumUser;
    userChanges += (person !== previousUser ? 1 : 0) + (nextPerson !== person ? 1 : 0);
    userDescents += (person < previousUser ? 1 : 0) + (nextPerson < person ? 1 : 0);
    previousUser = nextPerson;
    const code = name[index]!;
    const nextCode = name[index + 1]!;
    maximumName = code > maximumName ? code : maximumName;
    maximumName = nextCode > maximumName ? nextCode : maximumName;
    const time = timestamp[index]!;
    const nextTime = timestamp[index + 1]!;
    // 0 for a finite time, NaN for NaN and ±Infinity: one NaN makes the sum NaN.
    timeCheck += time - time;
    otherTimeCheck += nextTime - nextTime;
  }
  if (pairs < to) {
    const person = user[pairs]!;
    minimumUser = person < minimumUser ? person : minimumUser;
    maximumUser = person > maximumUser ? person : maximumUser;
    userChanges += person !== previousUser ? 1 : 0;
    userDescents += person < previousUser ? 1 : 0;
    const code = name[pairs]!;
    maximumName = code > maximumName ? code : maximumName;
    const time = timestamp[pairs]!;
    timeCheck += time - time;
  }
  timeCheck += otherTimeCheck;
  return { from, to, minimumUser, maximumUser, maximumName, timeCheck, userChanges, userDescents };
}

/**
 * The scan of consecutive parts as one (`scans[k].to === scans[k + 1].from`): the user changes and
 * descents between parts are read from `user`.
 * @internal
 */
export function mergeColumnScans(user: Int32Array, scans: readonly ColumnScan[]): ColumnScan {
  let merged = scans[0]!;
  for (const scan of scans.slice(1)) {
    const across = merged.to > merged.from && scan.to > scan.from;
    const before = user[merged.to - 1]!;
    const after = user[scan.from]!;
    merged = {
      from: merged.from,
      to: scan.to,
      minimumUser: Math.min(merged.minimumUser, scan.minimumUser),
      maximumUser: Math.max(merged.maximumUser, scan.maximumUser),
      maximumName: Math.max(merged.maximumName, scan.maximumName),
      timeCheck: merged.timeCheck + scan.timeCheck,
      userChanges: merged.userChanges + scan.userChanges + (across && after !== before ? 1 : 0),
      userDescents: merged.userDescents + scan.userDescents + (across && after < before ? 1 : 0),
    };
  }
  return merged;
}

function normalizeColumns(input: EventColumns, given?: ColumnScan): NormalizedEvents {
  checkColumnShapes(input);
  const { user, name, names, timestamp } = input;
  const count = user.length;
  const scan = given ?? scanColumns(user, name, timestamp, 0, count);
  const { minimumUser, maximumUser, maximumName, timeCheck, userChanges, userDescents } = scan;
  // The first bad entry is looked for only on failure.
  const nameCount = names.length;
  if (minimumUser < 0) fail(`user[${user.findIndex((person) => person < 0)}]`, 'expected a user index ≥ 0');
  if (count > 0 && maximumName >= nameCount) {
    const index = name.findIndex((code) => code >= nameCount);
    fail(`name[${index}]`, `index ${name[index]} is outside names`);
  }
  if (timeCheck !== 0)
    fail(
      `timestamp[${timestamp.findIndex((time) => !Number.isFinite(time))}]`,
      'expected a finite epoch-millisecond timestamp',
    );
  const properties = input.properties ?? {};
  return {
    count,
    user,
    userCount: maximumUser + 1,
    userRuns: count === 0 ? 0 : userChanges + 1,
    usersAscending: userDescents === 0,
    name,
    names,
    timestamp,
    property(property) {
      const column = properties[property];
      if (column === undefined) return undefined;
      if (Array.isArray(column)) {
        if (column.length !== count) fail(`properties.${property}`, `expected ${count} entries like user`);
        return encodeValues((index) => column[index], count);
      }
      const dictionary = column as DictionaryColumn;
      if (dictionary.codes.length !== count)
        fail(`properties.${property}.codes`, `expected ${count} entries like user`);
      // Re-encode so equal values under different codes, and nulls in the dictionary, merge.
      return encodeValues((index) => {
        const code = dictionary.codes[index]!;
        return code < 0 ? null : dictionary.values[code];
      }, count);
    },
  };
}

function normalizeArray(input: readonly FunnelEvent[]): NormalizedEvents {
  const count = input.length;
  const user = new Int32Array(count);
  const name = new Int32Array(count);
  const timestamp = new Float64Array(count);
  const userIndex = new Map<string | number, number>();
  const userIds: (string | number)[] = [];
  const nameIndex = new Map<string, number>();
  const names: string[] = [];
  let userRuns = 0;
  let usersAscending = true;
  for (let index = 0; index < count; index += 1) {
    const event = input[index];
    if (typeof event !== 'object' || event === null) fail(`[${index}]`, 'expected an event object');
    const { userId, name: eventName, timestamp: time } = event;
    if (
      !(typeof userId === 'string' && userId !== '') &&
      !(typeof userId === 'number' && Number.isFinite(userId))
    )
      fail(`[${index}].userId`, 'expected a non-empty string or a finite number');
    if (typeof eventName !== 'string' || eventName === '')
      fail(`[${index}].name`, 'expected a non-empty event name');
    let milliseconds: number;
    if (typeof time === 'number') milliseconds = time;
    else if (typeof time === 'string') milliseconds = Date.parse(time);
    else milliseconds = Number.NaN;
    if (!Number.isFinite(milliseconds))
      fail(`[${index}].timestamp`, 'expected epoch milliseconds or an ISO-8601 instant');
    let person = userIndex.get(userId);
    if (person === undefined) {
      person = userIds.length;
      userIds.push(userId);
      userIndex.set(userId, person);
    }
    let code = nameIndex.get(eventName);
    if (code === undefined) {
      code = names.length;
      names.push(eventName);
      nameIndex.set(eventName, code);
    }
    if (index === 0 || person !== user[index - 1]) userRuns += 1;
    if (index > 0 && person < user[index - 1]!) usersAscending = false;
    user[index] = person;
    name[index] = code;
    timestamp[index] = milliseconds;
  }
  return {
    count,
    user,
    userCount: userIds.length,
    userRuns,
    usersAscending,
    name,
    names,
    timestamp,
    userIds,
    property(property) {
      let found = false;
      const encoded = encodeValues((index) => {
        const value = input[index]!.properties?.[property];
        if (value !== undefined) found = true;
        return value;
      }, count);
      return found ? encoded : undefined;
    },
  };
}

/**
 * Validates events given as objects or as columns and turns them into the one internal columnar
 * shape. Linear in the number of events.
 *
 * @param scan - for columns, their {@link scanColumns} over all events when already done (by
 *   threads, each over a part); the result is the same
 * @throws KizunaValidationError naming the first bad event or column (path like `[12].timestamp`
 *   or `name[5]`)
 */
export function normalizeEvents(input: EventsInput, scan?: ColumnScan): NormalizedEvents {
  if (Array.isArray(input)) return normalizeArray(input);
  if (isColumns(input)) return normalizeColumns(input, scan);
  return fail('', 'expected an array of events or event columns { user, name, names, timestamp }');
}
