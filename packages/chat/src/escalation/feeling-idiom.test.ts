import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { normalizeText } from '../text/normalize-text';
import { isFeelingIdiom } from './feeling-idiom';

describe('isFeelingIdiom: a word of fear or anger as a figure of speech (round 18)', () => {
  it('reads the words after «怖い» and "insane"', () => {
    const text = normalizeText('報告書、怖いくらい正確でした！');
    expect(isFeelingIdiom(text, text.indexOf('怖い') + 2)).toBe(true);
    const jest = normalizeText('って思うと怖い笑 散らかってても大丈夫ですか？');
    expect(isFeelingIdiom(jest, jest.indexOf('怖い') + 2)).toBe(true);
    const loud = normalizeText('足音が怖いくらいうるさい');
    expect(isFeelingIdiom(loud, loud.indexOf('怖い') + 2)).toBe(false);
  });

  it.each([
    '報告書、怖いくらい正確でした！私がメモしてた時間とぴったり一致してて感動しました',
    '測定の人が来る前に部屋片付けないと…って思うと怖い笑 散らかってても大丈夫ですか？',
    'This is insane (in a good way). Booked, measured, report in 48 hours.',
    'This new booking system is insane (in a good way). Three visits booked in two minutes.',
  ])('reads «%s» as no anxiety or anger', (message) => {
    const codes = strongSignalCodes(message);
    expect(codes).not.toContain('anxiety');
    expect(codes).not.toContain('anger');
  });

  it.each([
    ['上の階の足音が怖いくらいうるさくて眠れません', 'anxiety'],
    ['怖すぎて笑えないです。毎晩天井がドンドン鳴ります', 'anxiety'],
    ['This is insane. Third no-show this month.', 'anger'],
    ['Insane. Not in a good way: nobody came again.', 'anger'],
  ])('still reads «%s» as %s', (message, code) => {
    expect(strongSignalCodes(message)).toContain(code);
  });
});

describe('a baby’s crying as a noise, sympathy as «胸が痛みます» (round 18)', () => {
  it.each([
    '隣の赤ちゃんの泣き声が夜中に2〜3時間続きます。寝不足なので音の大きさだけでも知りたいです',
    'うちの上の階、赤ちゃんがおるみたいやねん。夜中に泣き声と、あやしながら歩き回る足音がけっこう聞こえる。',
    'ネットで騒音に悩んでる人の投稿を見ると胸が痛みます。知り合いに紹介するならどのプランがいいですか',
  ])('reads «%s» as no anxiety', (message) => {
    expect(strongSignalCodes(message)).not.toContain('anxiety');
  });

  it.each([
    '隣が夜中にずっと怒鳴り声あげてて、物投げてるような音もする。子どもの泣き声も聞こえる。',
    '毎晩の音で泣きそうです',
    '胸が痛くて眠れません',
  ])('still reads «%s» as anxiety', (message) => {
    expect(strongSignalCodes(message)).toContain('anxiety');
  });
});

describe('review r18 M1: a laugh after a real fear', () => {
  it.each([
    '怖いです笑 隣の人がまた夜中に叫んでて、今日で5日目。',
    '最近隣人に睨まれるのが怖いw 本気で',
    '隣の男が夜中にずっとドアの前にいる。怖いw 笑えない',
    '正直怖い笑 もう引っ越したい',
    '後をつけられてる気がして怖い笑',
    '隣の人がまた来るって思うと怖い笑',
  ])('still reads «%s» as anxiety', (message) => {
    expect(strongSignalCodes(message)).toContain('anxiety');
  });

  it.each([
    '測定の人が来る前に部屋片付けないと…って思うと怖い笑 散らかってても大丈夫ですか？',
    '請求書を開けるのかと思うと怖いw でも見ます',
  ])('reads the jest after a thought of the customer’s own in «%s» as no anxiety', (message) => {
    expect(strongSignalCodes(message)).not.toContain('anxiety');
  });
});
