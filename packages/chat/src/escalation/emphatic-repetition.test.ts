import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { normalizeText } from '../text/normalize-text';
import { findEmphaticRepetition } from './emphatic-repetition';

describe('findEmphaticRepetition: a word said again', () => {
  it('reads a word of thanks or joy said again as no outburst', () => {
    expect(strongSignalCodes('Thanks. Thanks!')).toEqual([]);
    expect(strongSignalCodes('ありがとうありがとうありがとう!')).toEqual([]);
    expect(strongSignalCodes('やったやったやった！測定できました')).toEqual([]);
    expect(findEmphaticRepetition(normalizeText('Hello. Hello! Is anyone actually reading this?'))).toBe(
      'hello. hello!',
    );
    expect(findEmphaticRepetition(normalizeText('もういやもういやもういや！'))).toBeDefined();
  });
});
