import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findAtRiskConcern } from './at-risk-concern';
import { createEscalationClassifier } from './classify-escalation';

const rules = createEscalationClassifier({ learnedModel: false });
const atRisk = (message: string) =>
  rules({ message, account: { healthBand: 'red' } }).reasons.map((reason) => reason.code);

describe('findAtRiskConcern: a past hesitation that is over (review r16)', () => {
  it('keeps a quality or budget concern, and a hesitation with something left open after it', () => {
    for (const message of [
      '他社とも比較しました。結局こちらに戻ってきましたが、正直まだ高いと感じています。',
      '期待してたほどではなかったです。でも続けます。',
      '予算が削られました。でも今は何とか続けます。来年はわかりません。',
      '前より遅くなりました。でも今は慣れたので大丈夫です。',
    ])
      expect(atRisk(message), message).not.toEqual([]);
  });

  it('still reads a hesitation over by the end as no concern', () => {
    expect(
      atRisk('他社さんも検討しましたが、結局こちらに戻ってきました笑　またよろしくお願いします。'),
    ).toEqual([]);
    expect(atRisk('正直、最初は他社と迷ってたんですよね。でも今は満足してます。')).toEqual([]);
  });

  it('reads a long message of hesitations over by the end as no concern', () => {
    // How long it takes is measured by the bench (chat suite, "long messages"), not here.
    const text = normalizeText('他社と比較しました。でも今は満足してます。'.repeat(1000));
    expect(findAtRiskConcern(text)).toBeUndefined();
  });
});
