/** Where a value stops being JSON, and why. */
export interface NonJsonValue {
  /** Path from the checked value to the offending part. */
  readonly path: (string | number)[];
  readonly message: string;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Finds the first part of a value that is not JSON (undefined, a function, a non-finite number, a
 * class instance such as a Date, an array hole), or `undefined` when the whole value is JSON.
 * One pass over the value without copying it: validating a large engine result this way costs a
 * small fraction of a recursive zod union.
 */
export function findNonJson(value: unknown, path: (string | number)[] = []): NonJsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path, message: 'expected a finite number' };
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index += 1) {
          if (!(index in value))
            return { path: [...path, index], message: 'expected a JSON value, not a hole' };
          const found = findNonJson(value[index], [...path, index]);
          if (found !== undefined) return found;
        }
        return undefined;
      }
      if (!isPlainObject(value)) return { path, message: 'expected a plain JSON object' };
      for (const key of Object.keys(value)) {
        const found = findNonJson((value as Record<string, unknown>)[key], [...path, key]);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    default:
      return { path, message: `expected a JSON value, received ${typeof value}` };
  }
}
