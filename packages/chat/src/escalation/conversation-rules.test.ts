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
