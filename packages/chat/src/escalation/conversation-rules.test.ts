import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findExplicitRepeat, isProgress } from './conversation-rules';

describe('isProgress', () => {
  it('reads an error as being stuck, folded like the text (エラー), but not an error that went away', () => {
    expect(isProgress(normalizeText('再起動しました。今度はエラーが表示されました'))).toBe(false);
    expect(isProgress(normalizeText('再起動しました。エラーが出なくなって、ちゃんと保存できました'))).toBe(
      true,
    );
    expect(isProgress(normalizeText('エラーが消えて、測定が始まりました'))).toBe(true);
  });
});

describe('findExplicitRepeat', () => {
  it('reads «話がループ» as the customer saying the conversation goes round, but not a looped sound', () => {
    expect(findExplicitRepeat(normalizeText('さっきから話がループしてますよね'))).toBe('話がるーぷ');
    expect(findExplicitRepeat(normalizeText('ループ再生の音楽みたいな音が聞こえます'))).toBeUndefined();
  });
});

describe('findExplicitRepeat: a question the answer missed (missed-question.ts)', () => {
  it.each([
    'Let me put it differently: if the noise is from a shop, not a flat, can you still measure?',
    'いや、キャンセル料がかかるかどうかを聞いてるんです',
    'ちがうちがう、私が聞きたいのは、メーターの音が夜中に鳴るかどうかです',
    'あの、私の言ってること伝わってます？',
    "Sorry, that's not what I asked. Does the report say who is making the noise?",
    "I'm not asking for a refund, I'm asking what your refund policy is.",
    'ですので、その報告書を英語に翻訳したものはもらえるのか、とお尋ねしました。',
  ])('reads «%s» as asking again', (message) => {
    expect(findExplicitRepeat(normalizeText(message))).toBeDefined();
  });

  it.each([
    'Okay, makes sense. Just to confirm I understood: the meter should NOT be on the floor?',
    'nice. does the visit include a written summary too or just numbers?',
    '正直、今日は測定の話じゃなくて、ただ誰かに聞いてほしかっただけかも。ありがとう、少し楽になった',
    '家族構成は聞かれないんですね。騒音が起きる時間帯だけ答えればいいと。わかりました。',
  ])('does not read «%s» as asking again', (message) => {
    expect(findExplicitRepeat(normalizeText(message))).toBeUndefined();
  });
});
