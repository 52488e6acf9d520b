import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseInput } from './parse-input';
import { freezeForReuse } from './reusable-values';
import { KizunaValidationError } from './validation-error';

/** A schema that counts how often zod ran it, to see whether a parse was remembered. */
function countingSchema() {
  let runs = 0;
  const schema = z.object({
    score: z.number().refine(() => {
      runs += 1;
      return true;
    }),
    parts: z.array(z.object({ id: z.string() })).default([]),
    when: z.string().transform((text) => text.toUpperCase()),
  });
  return { schema, runs: () => runs };
}

describe('parseInput', () => {
  it('validates plain data on every call', () => {
    const { schema, runs } = countingSchema();
    const input = { score: 1, when: 'now' };
    parseInput(schema, input, 'thing');
    parseInput(schema, input, 'thing');
    expect(runs()).toBe(2);
  });

  it('validates data frozen for reuse once per schema and returns the first result, frozen', () => {
    const first = countingSchema();
    const second = countingSchema();
    const input = freezeForReuse({ score: 1, when: 'now', extra: 'dropped' });
    const once = parseInput(first.schema, input, 'thing');
    const again = parseInput(first.schema, input, 'thing');
    expect(again).toBe(once);
    expect(once).toEqual({ score: 1, parts: [], when: 'NOW' });
    expect(first.runs()).toBe(1);
    expect(Object.isFrozen(once) && Object.isFrozen(once.parts)).toBe(true);
    // Another schema is another validation.
    parseInput(second.schema, input, 'thing');
    expect(second.runs()).toBe(1);
    // The result is itself reusable: parsing it again with the same schema is remembered too.
    expect(parseInput(first.schema, once, 'thing')).toEqual(once);
  });

  it('freezes all the way down, so remembered data cannot be changed into invalid data', () => {
    const input = freezeForReuse({ score: 1, when: 'now', parts: [{ id: 'a' }] });
    expect(Object.isFrozen(input.parts[0])).toBe(true);
    expect(() => {
      (input.parts as { id: string }[]).push({ id: 'b' });
    }).toThrow(TypeError);
  });

  it('still throws, naming the field, for invalid frozen data, every time', () => {
    const { schema } = countingSchema();
    const input = freezeForReuse({ score: 'high', when: 'now' });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = (() => {
        try {
          parseInput(schema, input, 'thing');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(KizunaValidationError);
      expect((error as Error).message).toContain('score');
    }
  });

  it('gives the same result for frozen and plain data', () => {
    const schema = z.object({ name: z.string().trim(), tags: z.array(z.string()).default([]) });
    fc.assert(
      fc.property(
        fc.record({ name: fc.string(), tags: fc.option(fc.array(fc.string()), { nil: undefined }) }),
        (input) => {
          const plain = schema.safeParse(structuredClone(input));
          const frozen = freezeForReuse(structuredClone(input));
          if (!plain.success) {
            expect(() => parseInput(schema, frozen, 'thing')).toThrow(KizunaValidationError);
            return;
          }
          expect(parseInput(schema, frozen, 'thing')).toEqual(plain.data);
          expect(parseInput(schema, frozen, 'thing')).toEqual(plain.data);
        },
      ),
    );
  });
});
