import { describe, expect, it } from 'vitest';
import { patternSource } from './pattern-source';

describe('patternSource', () => {
  it('gives the source of one literal as written', () => {
    expect(patternSource(/返金(?:して|を)\?/u)).toBe('返金(?:して|を)\\?');
  });

  it('concatenates several literals in order, so a fragment can be shared', () => {
    const request = /(?:してください|お願い)/u;
    const source = patternSource([/(?:返金|払い戻し)/u, request, /|^解約$/u]);
    expect(source).toBe('(?:返金|払い戻し)(?:してください|お願い)|^解約$');
    const pattern = new RegExp(source, 'u');
    expect(pattern.test('払い戻しお願いします')).toBe(true);
    expect(pattern.test('解約')).toBe(true);
    expect(pattern.test('返金について')).toBe(false);
  });
});
