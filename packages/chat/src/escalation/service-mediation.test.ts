import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';

describe('isServiceMediation: the service’s own mediation is no legal step (round 18)', () => {
  it('takes back «調停» asked about, booked, moved or thanked for', () => {
    for (const message of [
      '調停の予約ってオンラインでもできますか？',
      '調停の日程を1週間後ろにずらせますか？相手方の都合です',
      '新しい調停員さんとの面談、来週水曜でお願いします。',
      'では、まず調停からお願いします。初回の日程を押さえていただけますか。',
      '御社の調停のおかげで、隣の方と円満に話がつきました。',
      '調停ありがとうございました。下の方とも普通にあいさつできるようになりました。',
      '調停って、相手の方が参加を断ったらどうなりますか？',
      'あ、調停のときってカメラオンじゃないとだめ？',
      '調停と弁護士レビューって、どっちが先にやるものなんですか？プランの説明を見てもよく分からなくて',
      'プレミアムって料金高めだけど、弁護士チェックとか調停とか付くなら妥当かな。ちょっと考えます',
      '先月まではほんとに毎日イライラしてたんですけど、調停してもらってから上の人がスリッパ履いてくれるようになりました',
    ])
      expect(strongSignalCodes(message), message).not.toContain('legal');
  });

  it('keeps a mediation of the customer’s own case at a court', () => {
    for (const message of [
      '調停を申し立てる予定です。測定報告書を証拠に使いたいので、急ぎで作ってもらえますか',
      '民事調停の予約って、どこでするんですか？',
      '調停の日程が決まったので、報告書を提出したいです',
      '相手方から調停を申し立てられました。御社の測定で反論できますか。',
      '調停委員の方にレポートを提出したいので、原本証明ってもらえますか',
      'お願いがあります。調停に報告書持っていきたいんですが、それ用の形式ってありますか',
    ])
      expect(strongSignalCodes(message), message).toContain('legal');
  });
});

describe('isServiceMediation: a court’s mediation notice (review r18, M7)', () => {
  it('keeps a mediation whose date arrived as a notice', () => {
    for (const message of [
      '調停の日程が届いたんですが、相手が欠席したらどうなりますか',
      '調停の呼出状が来ました。どう準備すればいいですか',
      '調停期日の通知が届きました。報告書は間に合いますか',
    ])
      expect(strongSignalCodes(message), message).toContain('legal');
  });

  it('still takes back the service’s mediation booked or moved', () => {
    for (const message of [
      '調停の日程を1週間後ろにずらせますか？相手方の都合です',
      '調停の日程のご案内メールが届きました。ありがとうございます。時間の変更はできますか',
    ])
      expect(strongSignalCodes(message), message).not.toContain('legal');
  });
});
