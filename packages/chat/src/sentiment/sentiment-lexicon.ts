import { foldKana } from '../text/normalize-text';

/** A sentiment lexicon entry: a pattern over normalised text and its weight (+ positive, − negative). */
export interface SentimentTerm {
  readonly pattern: RegExp;
  readonly weight: number;
  readonly language: 'ja' | 'en';
}

const ja = (weight: number, source: string): SentimentTerm => ({
  pattern: new RegExp(foldKana(source), 'gu'),
  weight,
  language: 'ja',
});
const en = (weight: number, source: string): SentimentTerm => ({
  pattern: new RegExp(`\\b(?:${source})`, 'gu'),
  weight,
  language: 'en',
});

/** The default sentiment lexicon, Japanese and English. Weights are ours: 1 mild, 2 strong. */
export const sentimentLexicon: readonly SentimentTerm[] = [
  ja(
    2,
    'ありがと|感謝|助かりました|助かります|素晴らし|すばらし|最高|大満足|感動|おすすめ|オススメ|丁寧|親切|安心しました|解決しました|頼りにな',
  ),
  ja(
    1,
    '良かった|よかった|良い|いい感じ|嬉し|うれし|満足|分かりやす|わかりやす|便利|スムーズ|早い|迅速|安心|楽しみ|信頼',
  ),
  ja(
    -2,
    '最悪|さいあく|最低|さいてい|ひどい|酷い|許せ|怒|腹が?立|むかつ|ムカつ|イライラ|ふざけ|クレーム|苦情|詐欺|返金|解約|訴|弁護士|裁判|慰謝料|不信|失望|がっかり|期待外れ|二度と|限界|死にたい|怖い|こわい|不安|つらい|辛い|しんどい|耐えられ|我慢でき',
  ),
  ja(
    -1,
    '不満|困っ|困り|残念|遅い|遅れ|うるさ|眠れ|悩ん|悩み|不便|使いにく|わかりにく|分かりにく|面倒|心配|微妙|いまいち|イマイチ|迷惑|ストレス|疲れ|嫌|いや(?:だ|です)|気になり|不具合|間違|おかしい',
  ),
  en(
    2,
    'thank|thanks|excellent|amazing|fantastic|wonderful|brilliant|perfect|love|recommend|delighted|outstanding|lifesaver',
  ),
  en(
    1,
    'good|great|helpful|happy|pleased|glad|nice|clear|easy|quick|fast|kind|polite|satisfied|useful|appreciate|reassur|relieved|smooth',
  ),
  en(
    -2,
    'terrible|awful|horrible|worst|furious|angry|hate|disgust|unacceptable|scam|refund|cancel|lawyer|sue|court|useless|ridiculous|disappoint|outrag|livid|scared|terrified|desperate|hopeless',
  ),
  en(
    -1,
    'bad|poor|slow|late|annoy|frustrat|problem|issue|wrong|mistake|confus|difficult|hard to|worried|concern|noisy|loud|cant sleep|unhappy|upset|complain|sad|tired|stress|broken|error|unfortunately',
  ),
];
