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
