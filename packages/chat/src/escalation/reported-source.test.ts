import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isReportedFromSource: legal words read or heard about in general (round 16)', () => {
  it('is no legal step when quoted from a book, a general example at a meeting, or disowned', () => {
    for (const message of [
      '大学のレポートで騒音問題を調べてて、「損害賠償が認められた判例」って本に書いてあったんですけど',
      '総会で「騒音問題で調停になった例もある」という話が出て',
      'Just curious — if a neighbour dispute ever went to court, would your report be something people use? Not my situation, just read about it.',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for the customer's own step, an unquoted word, or a case that is the customer's", () => {
    for (const message of [
      '本に「訴えたほうがいい」と書いてあったので、訴えます',
      '総会で「あの部屋の住人を訴える」という話が出て',
      '損害賠償が認められた判例って本に書いてあったので、私も請求したいです',
      "If the neighbour keeps this up, I'll take him to court. Not my situation yet, but close.",
      'If a neighbour dispute went to court, would your report be used? Asking because of my upstairs neighbour.',
      'if I take my neighbour to court, is your report enough? not my situation right now',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('stays legal when the customer applies the quote to their own case (review r16)', () => {
    for (const message of [
      '「騒音でも慰謝料が取れる」ってネットに書いてあったので、うちも請求したいです。',
      '「このレベルの騒音なら訴えられる」って記事に載ってたんですが、うちのケースもいけますか？',
      '総会で「騒音問題で調停になった例もある」という話が出て、うちもそうするべきか迷っています。',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isReportedFromSource: curiosity with the own situation told (review r17)', () => {
  it('stays legal when the message describes the customer\u2019s own situation', () => {
    for (const message of [
      'Just curious, no problem really. Can you sue a neighbour for noise at 2am? He does it every night.',
      'Just curious, no issue at all. Can you take a neighbour to court for noise? Mine plays drums at midnight.',
    ])
      expect(codes(message), message).toContain('legal');
  });
});
