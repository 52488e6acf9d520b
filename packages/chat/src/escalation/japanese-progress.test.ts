import { describe, expect, it } from 'vitest';
import { createEscalationClassifier } from './classify-escalation';

// Three exchanges without resolution: the history that makes `unresolved_turns` fire unless the new
// message shows progress. The rules alone, so that the learned model cannot hide the effect.
const history = [
  { role: 'user' as const, content: '測定の予約を変更したいです' },
  { role: 'assistant' as const, content: 'ご予約番号を教えていただけますか。' },
  { role: 'user' as const, content: 'KZ-2291です' },
  { role: 'assistant' as const, content: '確認しました。3月8日（金）14時のご予約ですね。' },
  { role: 'user' as const, content: '別の日にできますか' },
  { role: 'assistant' as const, content: '現在、火曜と木曜の19時枠が空いております。' },
];
const classify = createEscalationClassifier({ learnedModel: false });
const codesAfter = (message: string) => classify({ message, history }).reasons.map((reason) => reason.code);

describe('Japanese progress in a long conversation (round 16)', () => {
  it('reads a choice made or an offer accepted as progress', () => {
    for (const message of [
      '木曜でお願いします',
      'じゃあ明後日の午前で',
      '7日間でお願いします。曜日で違うかもしれないので',
      '都内です、じゃあ38,500円で全部込みですね。申し込みます',
      '翌週の同じ時間でお願いできますか？',
      '30分前に電話くれるならそれで十分です。買い物行ってても戻れるので',
      '女性でお願いしたいです',
      'それお願いしたいです。見積もり出してもらえますか',
      '更新します。支払い方法だけ請求書払いに変えたいです',
      '10日にしてください。給料日後がいいので',
      'JIS準拠なら安心です',
    ])
      expect(codesAfter(message), message).not.toContain('unresolved_turns');
  });

  it('reads a step that worked as progress', () => {
    for (const message of [
      'メール来ました。当日は管理人さんにも伝えておきます',
      '今見たら届いてました！お手数おかけしました',
      '設定できて入れました。ついでに聞きたいんですが、グラフをCSVで出力できます？',
      '30分待ったら入れました。どうもでした',
      '押せるようになりました。変更完了です',
      '登録し直しました。これで今月分も引き落とされます？',
      'Chromeで開いたらいけた！',
      'リンク作れました。有効期限ってあります？',
    ])
      expect(codesAfter(message), message).not.toContain('unresolved_turns');
  });

  it('reads an understanding reached, a next step of their own or a new question as progress', () => {
    for (const message of [
      'そういうことか。通知来てたかもしれないです。見落としてました',
      'なるほど、変化がないことを確認してるわけか。それなら納得',
      '下の人に聞いてみます。OKもらえたらまた連絡しますね',
      '処理済みなら安心です。明細確認してみます',
      'へえ、自治体に出せるんですね。測定って工事現場の近くでやるんですか、それとも家の中？',
      'はっきり書いてもらえてよかった。これで話が進みそうです',
    ])
      expect(codesAfter(message), message).not.toContain('unresolved_turns');
  });

  it('keeps the stuck look-alikes: the problem still there, asking again, resignation, leaving', () => {
    for (const message of [
      // The step done, the problem still there.
      '押しました。何も変わりません。今夜測りたいのに',
      '再起動してもずれてる。これじゃ説明できないじゃん',
      'まだ押せないです。先月もこのせいで請求書が支店に届いて処理が遅れたんですよ',
      'タイムゾーン直したら合いました。でも既に記録した分はどうなります？',
      // Asking again after an acknowledgement.
      'わかりました。で、予約はできるんですか？',
      '7営業日ね。ちなみに何日かかるんだっけ？メモしたけどなくしちゃって',
      'なるほど…それでどうなりますか',
      'わかりました。お手数ですが、もう一度だけ、手順を最初から教えてもらえますか？メモします。',
      '料金はわかりました。私が聞いてるのは、レポートを管理組合に出していいかどうかです',
      // Resignation.
      'はあ…わかりました。',
      'はいはい、わかりました',
      '分かりました。もう自分で管理会社と話します。ここに相談しても仕方ないので',
      'なるほど、そういう対応なんですね',
      // Reconsidering, leaving or asking for a person.
      '来月からで。正直、このサービスにこれ以上お金かけられなくて',
      '比較した上で決めようと思ってます。御社の年間プランの見積もりもらえますか',
      '違約金ないのは良いですね。更新前にちょっと使い方見直してみます',
      'わかりました。ただ、うちの会社の予算的に今後は厳しいかも',
      '次の更新はなしでお願いします',
      // Considering (alternatives) is no step forward, though it ends in «…てみます».
      '社内でほかのやり方も検討してみます',
      'ちょっと持ち帰って考えてみます',
      '了解。あと、担当者さんと直接話せます？ちょっと込み入った事情があって',
      // Words of the families in a complaint or a threat.
      'いい加減にしてください。更新直前にこんな対応されたら続ける気なくなります',
      '知り合いにテレビ局の人いるんで、こういう会社があるって話してみます',
      '騒音がひどくて子どもが夜中に泣いて起きるようになりました',
      '「解約手続き完了」のメールが来た翌日に、カードから引き落とされています',
    ])
      expect(codesAfter(message), message).toContain('unresolved_turns');
  });
});

describe('review r16, finding 12: giving up, counting the visits and a bare «わかりました»', () => {
  // Six entries about a recorder that keeps stopping.
  const stuckHistory = [
    { role: 'user' as const, content: '録音機が途中で止まってしまいます' },
    { role: 'assistant' as const, content: '電源アダプターをご確認いただけますか。' },
    { role: 'user' as const, content: '確認しましたが、また止まりました' },
    { role: 'assistant' as const, content: '本体を再起動してお試しください。' },
    { role: 'user' as const, content: '再起動しても止まります' },
    { role: 'assistant' as const, content: '設置場所を変えてみていただけますか。' },
  ];
  const codesAfterStuck = (message: string) =>
    classify({ message, history: stuckHistory }).reasons.map((reason) => reason.code);

  it('reads them as no progress', () => {
    for (const message of [
      'わかりました。他を当たってみます。',
      'わかりました。諦めます。',
      'なるほど。じゃあ自分で何とかしてみます。',
      'はい、わかりました…。',
      '木曜でお願いします。これで4回目の訪問ですが。',
    ])
      expect(codesAfterStuck(message), message).toContain('unresolved_turns');
  });

  it('keeps an understanding with a step or a choice after it, and a softened request, as progress', () => {
    for (const message of [
      'わかりました。木曜でお願いします。',
      'わかりました。やってみます。',
      'じゃあ明後日の午前で。見積もりも出してほしいんですが',
      'なるほど、電源の問題だったんですね。',
    ])
      expect(codesAfterStuck(message), message).not.toContain('unresolved_turns');
  });
});
