import type { FaqEntryInput } from './faq-entry';

/**
 * The Japanese FAQ of the noise-measurement service (seeds/001 §6.1 Level 1), for the demo and as a
 * starting point. Prices follow DOMAIN.md §1 (standard 12,800 JPY, premium +12,000 JPY, AI
 * mediation +8,000 JPY); policies such as the cancellation deadline are examples to replace with
 * your own.
 */
export const noiseServiceFaq: readonly FaqEntryInput[] = [
  {
    id: 'price',
    question: '料金はいくらですか？',
    alternativeQuestions: ['測定の費用を教えてください', 'プランの値段はいくらですか', 'いくらかかりますか'],
    answer:
      'スタンダードプラン（2時間測定）は12,800円（税込）です。弁護士監修のレポートが付くプレミアムプランは24,800円、AI調停サービスは+8,000円で追加できます。',
    tags: ['料金', 'プラン'],
  },
  {
    id: 'duration',
    question: '測定時間はどれくらいかかりますか？',
    alternativeQuestions: ['測定には何時間かかりますか', '測定にかかる時間は？'],
    answer:
      'スタンダードプランの測定は2時間です。設置と撤去を含めて、お伺いしてから2時間半ほどで完了します。',
    tags: ['測定'],
  },
  {
    id: 'cancel',
    question: 'キャンセルできますか？',
    alternativeQuestions: [
      '予約をキャンセルしたい場合はどうすればいいですか',
      'キャンセル料はかかりますか',
      'キャンセルポリシーを教えてください',
    ],
    answer:
      '測定日の前日18時までマイページからキャンセルでき、キャンセル料はかかりません。それ以降のキャンセルは料金の50%を頂戴します。日程の変更は何度でも無料です。',
    tags: ['キャンセル', '予約'],
  },
  {
    id: 'reschedule',
    question: '予約の日時を変更できますか？',
    alternativeQuestions: ['測定日を変更したいです', '予約を別の日に振り替えられますか', '時間を変えたい'],
    answer: '測定日の前日18時まで、マイページから何度でも無料で日時を変更できます。',
    tags: ['予約', '変更'],
  },
  {
    id: 'refund-policy',
    question: '返金ポリシーを教えてください',
    alternativeQuestions: [
      '返金はできますか',
      '測定が失敗した場合の返金は？',
      '返金されるのはどんなときですか',
    ],
    answer:
      '機材の不具合など当社の理由で測定できなかった場合は全額を返金します。返金はお支払いいただいた方法で、手続きから7営業日ほどで戻ります。',
    tags: ['返金'],
  },
  {
    id: 'booking',
    question: '予約はどうすればいいですか？',
    alternativeQuestions: ['測定を申し込みたい', '予約方法を教えてください', '空いている日はありますか'],
    answer:
      'このチャットで状況を伺ったあと、ご都合のよい候補日時を3つご提案します。お選びいただくと予約が確定し、確認メールをお送りします。',
    tags: ['予約'],
  },
  {
    id: 'night',
    question: '夜間の測定はできますか？',
    alternativeQuestions: [
      '深夜も測ってもらえますか',
      '夜中の騒音を測定したい',
      '22時以降でも測定できますか',
    ],
    answer:
      'はい、22時から翌6時までの夜間帯も測定できます。夜間の足音や生活音は時間帯が大切なので、音が気になる時間に合わせて機材を設置します。',
    tags: ['測定', '夜間'],
  },
  {
    id: 'weekend',
    question: '土日や祝日も測定できますか？',
    alternativeQuestions: ['週末に来てもらえますか', '休日でも大丈夫ですか'],
    answer: '土日祝日も測定しています。料金は平日と同じです。',
    tags: ['測定', '予約'],
  },
  {
    id: 'report-delivery',
    question: 'レポートはいつ届きますか？',
    alternativeQuestions: ['結果はいつわかりますか', 'レポートの納期は？', '測定結果はいつもらえますか'],
    answer: '測定後、通常5営業日以内にマイページでPDFのレポートをお届けし、メールでもお知らせします。',
    tags: ['レポート'],
  },
  {
    id: 'plans',
    question: 'スタンダードプランとプレミアムプランの違いは何ですか？',
    alternativeQuestions: [
      'プランの違いを教えてください',
      'どのプランを選べばいいですか',
      'プレミアムプランとは？',
    ],
    answer:
      'どちらも2時間の測定とレポートが付きます。プレミアムプランはレポートを弁護士が監修し、調停や交渉の資料としてそのまま使える形に整えます。',
    tags: ['プラン'],
  },
  {
    id: 'lawyer-review',
    question: '弁護士監修のレポートとは何ですか？',
    alternativeQuestions: ['弁護士監修って何をしてもらえますか'],
    answer:
      'プレミアムプランでは、測定結果と環境基準との比較、発生時刻の一覧などを弁護士が確認し、交渉や調停の資料として使える形で記載します。個別の法律相談は担当スタッフにおつなぎします。',
    tags: ['プラン', 'レポート'],
  },
  {
    id: 'mediation',
    question: 'AI調停サービスとは何ですか？',
    alternativeQuestions: ['調停サービスの内容を知りたい', 'AI調停はいくらですか'],
    answer:
      'レポートをもとに、相手方や管理会社へのお手紙の文案づくりと話し合いの進め方をAIがサポートする追加サービスです（+8,000円）。',
    tags: ['調停', 'オプション'],
  },
  {
    id: 'area',
    question: '対応エリアはどこですか？',
    alternativeQuestions: ['地方でも来てもらえますか', '対象地域を教えてください'],
    answer: '東京・神奈川・千葉・埼玉・大阪・京都・兵庫・愛知に伺っています。その他の地域はご相談ください。',
    tags: ['エリア'],
  },
  {
    id: 'payment',
    question: '支払い方法は何がありますか？',
    alternativeQuestions: ['クレジットカードは使えますか', '銀行振込はできますか', '支払いはいつですか'],
    answer: 'クレジットカード、銀行振込、コンビニ払いに対応しています。お支払いは予約確定時です。',
    tags: ['支払い'],
  },
  {
    id: 'receipt',
    question: '領収書は発行できますか？',
    alternativeQuestions: ['請求書を発行してほしい', '宛名を会社名にできますか'],
    answer: 'マイページから領収書と請求書をPDFで発行できます。宛名も変更できます。',
    tags: ['支払い', '書類'],
  },
  {
    id: 'presence',
    question: '測定中は家にいる必要がありますか？',
    alternativeQuestions: [
      '立ち会いは必要ですか',
      '留守でも測定できますか',
      '家族が立ち会っても大丈夫ですか',
    ],
    answer:
      '機材の設置と撤去の際にご在宅いただければ、測定中は外出されても大丈夫です。ご家族の立ち会いでも構いません。',
    tags: ['測定'],
  },
  {
    id: 'equipment',
    question: 'どんな機材で測定しますか？',
    alternativeQuestions: ['騒音計は自分で用意するのですか', '測定器の大きさは？'],
    answer:
      'JIS規格に適合した騒音計をスタッフがお持ちします。三脚に載せる手のひらほどの大きさで、ご用意いただくものはありません。',
    tags: ['測定', '機材'],
  },
  {
    id: 'low-frequency',
    question: '低周波の音も測れますか？',
    alternativeQuestions: ['ブーンという低い音も測定できますか', '振動も測れますか'],
    answer:
      'はい、1/3オクターブ帯域で分析するため、室外機やポンプなどの低い音も確認できます。振動そのものの測定は別途ご相談ください。',
    tags: ['測定', '低周波'],
  },
  {
    id: 'management-company',
    question: '測定結果を管理会社に見せてもいいですか？',
    alternativeQuestions: ['レポートは管理会社に提出できますか', '大家さんに渡せますか'],
    answer:
      'はい、レポートは管理会社や大家さんへの相談資料としてお使いいただけます。提出用の要約ページも付いています。',
    tags: ['レポート'],
  },
  {
    id: 'privacy',
    question: '個人情報や測定データはどう扱われますか？',
    alternativeQuestions: ['録音された音は保存されますか', 'データの取り扱いについて'],
    answer:
      '測定データと個人情報はレポート作成の目的にのみ使い、暗号化して保管します。ご希望があれば削除します。',
    tags: ['個人情報'],
  },
  {
    id: 'rain',
    question: '雨の日でも測定できますか？',
    alternativeQuestions: ['天気が悪くても大丈夫ですか'],
    answer:
      '室内で測定するため、雨の日でも問題ありません。台風など安全に伺えない場合は日程の変更をご相談します。',
    tags: ['測定'],
  },
  {
    id: 'how-to-read',
    question: 'レポートの見方を教えてください',
    alternativeQuestions: ['LAeqとは何ですか', 'L90の意味は？', '結果の数字の意味がわかりません'],
    answer:
      'LAeqはその時間の平均的な音の大きさ、LAmaxは最も大きかった瞬間、L90は背景の静かなときの音の大きさです。レポートでは夜間の基準値と並べて表示しています。',
    tags: ['レポート'],
  },
  {
    id: 'cancel-contract',
    question: '解約の方法を教えてください',
    alternativeQuestions: [
      '解約はどこからできますか',
      '退会するにはどうすればいいですか',
      '解約すると過去のレポートは見られますか',
    ],
    answer:
      '法人契約はマイページの「契約」から翌月末での解約を申請できます。解約後も過去のレポートは1年間ダウンロードできます。',
    tags: ['解約', '契約'],
  },
  {
    id: 'add-measurement',
    question: '追加で測定をお願いできますか？',
    alternativeQuestions: ['もう一度測定してほしい', '別の部屋も測定したい'],
    answer: 'はい、同じお部屋の再測定や別のお部屋の測定もお申し込みいただけます。2回目以降は10%割引です。',
    tags: ['測定', '予約'],
  },
];
