import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

const rules = createEscalationClassifier({ learnedModel: false });
const codesOf = (message: string) => rules({ message }).reasons.map((reason) => reason.code);

describe('isReportedSpeech', () => {
  it('reads a complaint word said to the customer as no complaint', () => {
    expect(
      codesOf(
        '上司から「騒音業者に頼んだって意味ないだろ」と言われたことがあります笑　でも、実際はちゃんとデータが取れて助かってます。',
      ),
    ).toEqual([]);
  });

  it('keeps the customer’s own complaint beside a quotation', () => {
    expect(codesOf('「すぐ直します」と言われたのに、まだ直っていません')).toContain('complaint');
    expect(codesOf('測定しても意味ないだろと思っています')).toContain('complaint');
  });
});

describe('isReportedSpeech: review r16', () => {
  it("keeps the complaint when the words were the service's own people's", () => {
    for (const message of [
      '御社の担当者に「測定しても意味ないですよ」と言われました。',
      '電話の担当者に「そんなに気になるなら最悪引っ越せば」と言われました。',
      '測定員の方から「こんな数値ありえない」って言われたんですけど',
    ])
      expect(codesOf(message), message).toContain('complaint');
    expect(codesOf('上司から「騒音業者に頼んだって意味ないだろ」と言われたことがあります')).toEqual([]);
  });
});
