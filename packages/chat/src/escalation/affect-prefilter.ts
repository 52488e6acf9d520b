/**
 * Speed (r17): words without which the merged complaint expressions of affect-rules.ts cannot
 * match. Each alternative of those expressions (about 40 in each language) has one fragment here
 * that every one of its matches contains (a word outside any optional group, copied from the
 * alternative). A text with none of them is not searched with the long expression: the same
 * signals, found sooner (a third of the Japanese texts and most English ones have none).
 * affect-prefilter.test.ts checks that each alternative names its fragment and that the fragment
 * is here; a new alternative needs its fragment added (the test fails until it is).
 */
const englishComplaintRequired = [
  // sarcasm, and doing it all oneself
  '(?:great|good|nice|amazing|fantastic|brilliant|wonderful) (?:job|work|service)',
  'do (?:all|everything)',
  'thanks a ',
  'nothing',
  // a last word of praise after a failure
  '[.!?] (?:fantastic|great|brilliant|wonderful|perfect|lovely|awesome)',
  // nobody came, no reply, someone else's data
  '(?:nobody|no one|no-one) ',
  '(?:no|zero) (?:reply|replies|answer|response) ',
  'someone elses ',
  'leak|breach',
  // a promise heard before
  'what you said|you said |you promised',
  // mess left behind, things done without asking
  'without |(?:left|dumped) ',
  // having to chase
  'to (?:chase|remind|nag|call|email|message) ',
  // round 17: complaints said flatly
  'basic ',
  'cut off',
  'mess',
  'the same ',
  'waste of',
  'gets you',
  'whole ',
  'funny how',
  'thought ',
  'expected ',
  ', you know, ',
  '(?:shame|pity) ',
  ' like ',
  '(?:bothered|cared) to',
  '(?:bit|little) much',
  'on hold ',
  'myself|ourselves',
  'save ',
  'guess not',
  'the old',
  'how is it that',
  '(?:shown|turned) up',
];

// Katakana folded to hiragana, as in the patterns (normalizeText folds the text).
const japaneseComplaintRequired = [
  // sarcasm
  '素晴らしい|すばらしい|さすが|お見事|ご立派',
  '商売|ご身分',
  '気のせい',
  // nobody came, no reply, someone else's data
  '(?:誰も|だれも|担当者?が|技術者が|測定員が)(?:来|こ)',
  '返事|返信|連絡|折り返し',
  'の(?:人|方|かた)の',
  '個人情報',
  // a polite opening taken back, «今回はひどい», «気持ち悪い»
  'いたい(?:とこ|ところ)',
  'ひど|酷',
  '気味が悪|きもちわる|気持ち悪かった',
  // a promise heard before
  '(?:そう|同じこと|おなじこと)(?:言|い)って',
  // damage and mess left behind
  '置いて(?:いか|行か)れ|残され|つけられ|付けられ',
  '(?:汚|壊|傷つけ|散らか)され',
  // round 17: complaints said flatly
  '内容(?:なん|なの)',
  'こんな(?:もん|もの)',
  '勉強代',
  '感じなんですね',
  'すまほ|携帯',
  'あれで',
  '(?:ほうが|方が)(?:良かった|よかった)',
  'ちゃんと',
  '(?:一回|一度|いちど)も',
  '思った(?:ほど|より)',
  'ほど(?:じゃ|では)',
  '無駄',
  '(?:通り|とおり)に',
  '他(?:を|社を|の業者を|の会社を)(?:探|当た)',
  'なると思って',
  '言わせて',
  '忘れて(?:帰|行|いき|いった)',
  'ぼろぼろ|破れ|つぶれ|潰れ|凹ん|へこん',
  '放って(?:おかれ|置かれ)',
  '逆に感心',
  '便利な言葉',
  '同じこと(?:を)?言われ',
  '何か変わったん',
];

/** The fragments, one per line of the lists above (for the test). */
export const complaintRequiredFragments: Readonly<Record<'en' | 'ja', readonly string[]>> = {
  en: englishComplaintRequired,
  ja: japaneseComplaintRequired,
};

/**
 * A cheap test that must pass for the merged complaint expression of `language` to match anywhere
 * in the text (see the file comment).
 */
export const complaintPrefilter: Readonly<Record<'en' | 'ja', RegExp>> = {
  en: new RegExp(complaintRequiredFragments.en.join('|'), 'u'),
  ja: new RegExp(complaintRequiredFragments.ja.join('|'), 'u'),
};
