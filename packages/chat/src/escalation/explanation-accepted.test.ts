import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('round 18: a refund or charge restated as explained and accepted', () => {
  it('gives no request or dispute', () => {
    expect(
      strongSignalCodes(
        '返金額が数百円少ないなと思ったら振込手数料の分だったんですね。規約を読んで納得しました。',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes('なるほど、返金は申請から10営業日以内なんですね。わかりました、待ちます。ありがとう'),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        'わかりました、返金は受け付けてもらえたんですね。じゃあ次は、別の日に測定を頼みたいんですけど、来週の土曜って空いてますか？',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '先月の請求、測定2回分だと思ってたら、1回は夜間オプションでしたね。明細見て納得です。',
      ),
    ).toEqual([]);
    expect(
      strongSignalCodes(
        '妻から「今月の請求ちょっと高くない？」と言われたので確認したら、オプションの夜間測定を追加してたのを忘れてました。合ってます、大丈夫です。',
      ),
    ).toEqual([]);
  });

  it('keeps the worry found true, trouble after the acceptance, and a request after it', () => {
    expect(
      strongSignalCodes('請求が二重だと思ったら本当に二重でした。わかりました、返金してください'),
    ).toContain('billing_dispute');
    expect(
      strongSignalCodes('返金額が少ないと思ったら、やっぱり足りませんでした。納得できません。'),
    ).toContain('refund_request');
    expect(strongSignalCodes('返金はまだなんですね。わかりました、返金してください')).toContain(
      'refund_request',
    );
    expect(strongSignalCodes('先月の請求、2回分だと思ったら3回分でしたね。納得できません。')).toContain(
      'billing_dispute',
    );
  });
});
