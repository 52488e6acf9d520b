import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { isConditionOrStatus } from './particular-instance';

describe('isConditionOrStatus', () => {
  it('reads a question about the policy as a condition, folded like the text (ポリシー)', () => {
    expect(isConditionOrStatus(normalizeText('昨日の訪問分はポリシー上どう扱われますか'))).toBe(true);
    expect(isConditionOrStatus(normalizeText('昨日の訪問分はどう扱われますか'))).toBe(false);
  });
});
