import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { findAffectSignals } from './affect-rules';
import { findSignals } from './classify-escalation';
import { findEmphaticRepetition } from './emphatic-repetition';
import { findLexiconSignals } from './escalation-lexicon';
import { isResolvedPast } from './resolved-past';
import { isToldOfFiction } from './told-fiction';
import { isTopicMention } from './topic-mention';

// Rules level: the learned model may mask the decision.
const affectCodes = (message: string) =>
  findAffectSignals(normalizeText(message)).map((signal) => signal.code);
const strongCodes = (message: string) =>
  findSignals(normalizeText(message), message)
    .filter((signal) => signal.strength === 'strong')
    .map((signal) => signal.code);
const lexiconCodes = (message: string) =>
  findLexiconSignals(normalizeText(message)).map((signal) => `${signal.code}:${signal.strength}`);

describe('round 17: sarcasm and anger without the lexicon', () => {
  it('reads sarcasm aimed at the service or the neighbour as anger', () => {
    expect(
      affectCodes('so i guess i just have to live with the hammering forever then. cool. cool cool cool.'),
    ).toContain('anger');
    expect(
      affectCodes("cool cool cool. so the report is 'delayed' with no date. love that for me"),
    ).toContain('anger');
    expect(affectCodes('Three emails, one chat, and a phone call. Do I get a prize at ten?')).toContain(
      'anger',
    );
    expect(affectCodes("Ah yes, the famous '24-hour response'. Day four.")).toContain('anger');
    expect(
      affectCodes("Thanks for the 'urgent' label on my ticket. Very reassuring, 10 days later."),
    ).toContain('anger');
    expect(affectCodes("Cheers for that. Really cleared things up. (It didn't.)")).toContain('anger');
    expect(
      affectCodes("Must be nice to be my neighbour's dog. Barks all day, faces zero consequences."),
    ).toContain('anger');
    expect(
      affectCodes(
        'Oh lovely, the guy upstairs has decided 2am is the perfect time to rearrange his furniture.',
      ),
    ).toContain('anger');
  });

  it('reads rhetorical anger and outbursts as anger', () => {
    expect(
      affectCodes("For crying out loud can I just get the invoice in my company's name like I asked"),
    ).toContain('anger');
    expect(affectCodes('Do you people even read what I write? I said TUESDAY not Thursday')).toContain(
      'anger',
    );
    expect(
      affectCodes(
        "Let me ask a different way, since apparently I'm not being clear: WHEN will the engineer arrive?",
      ),
    ).toContain('anger');
    expect(affectCodes("I'm starting to lose patience here.")).toContain('anger');
    expect(affectCodes('(╯°□°)╯︵ ┻━┻ またメーター止まってる')).toContain('anger');
    expect(affectCodes('うるさいうるさいうるさい！！！上のやつなんなの！？')).toContain('anger');
    expect(affectCodes('the landlord does NOTHING. nothing! useless bloke')).toContain('anger');
    expect(affectCodes('ご丁寧なメールありがとうございます。で、いつ直るんですか？')).toContain('anger');
    expect(affectCodes('こちらの言ってること、伝わってます？')).toContain('anger');
    expect(affectCodes('ここって、お客さんの話を聞く気あるんですかね？')).toContain('anger');
  });

  it('leaves sincere praise, casual agreement and plain questions alone', () => {
    expect(affectCodes('Cool, thanks! See you on Tuesday.')).toEqual([]);
    expect(affectCodes('Great work, the report was clear')).toEqual([]);
    expect(affectCodes('Did you read my email about the 18th?')).toEqual([]);
    expect(affectCodes('上の階の人、毎晩ルームランナーで走ってるみたいです')).toEqual([]);
    expect(affectCodes('はははは、面白いですね')).toEqual([]);
    expect(findEmphaticRepetition(normalizeText('うるさいうるさい、どうしたらいいですか'))).toBeUndefined();
  });
});

describe('round 17: complaints said flatly', () => {
  it('reads flat complaints about the service as complaints', () => {
    expect(
      affectCodes('The meter arrived without the power adapter. Kind of basic thing to forget?'),
    ).toContain('complaint');
    expect(
      affectCodes("The graph in the PDF is cut off on the right side, you can't see anything after 2am"),
    ).toContain('complaint');
    expect(
      affectCodes(
        'Honestly the app is a mess for managing multiple properties. Every month the same headache.',
      ),
    ).toContain('complaint');
    expect(affectCodes("Read the report. So that's what 30,000 yen gets you.")).toContain('complaint');
    expect(affectCodes("Funny how the invoice arrives on time but the report doesn't.")).toContain(
      'complaint',
    );
    expect(
      affectCodes(
        "The engineer was pleasant enough. Shame the meter wasn't plugged in for the first three hours.",
      ),
    ).toContain('complaint');
    expect(affectCodes('The engineer talked to her like she was a child. Just so you know.')).toContain(
      'complaint',
    );
    expect(affectCodes("Fine. Whatever. I'll just deal with it myself.")).toContain('complaint');
    expect(
      affectCodes('アプリは使いやすいです。報告書、拝見しました。2時間来ていただいて、この内容なんですね。'),
    ).toContain('complaint');
    expect(affectCodes('ちょっとだけ言わせてください。訪問の方、玄関のドアを閉め忘れて帰りました')).toContain(
      'complaint',
    );
    expect(affectCodes('測定員の方、ずっとスマホ見てましたけど、あれで測れてたんですかね。')).toContain(
      'complaint',
    );
    expect(affectCodes('もういいです、わかりました。次からは他を探します。')).toContain('complaint');
    expect(affectCodes('ここまで放っておかれると、逆に感心しますね。')).toContain('complaint');
  });

  it('leaves neutral descriptions, thanks and questions alone', () => {
    expect(affectCodes('上の階の人、毎晩ルームランナーで走ってるみたいです')).toEqual([]);
    expect(affectCodes('一言お礼を言わせてください。ありがとうございました')).toEqual([]);
    expect(affectCodes('うーん、まあこんなもんですかね')).toEqual([]);
    expect(affectCodes('How is it that sound travels through concrete?')).toEqual([]);
    expect(affectCodes('Cut off date for booking is Friday?')).toEqual([]);
  });

  it('presses a mild word into a complaint when the failure is spelled out', () => {
    expect(
      strongCodes(
        'We run a cafe and your engineer turned up during our lunch rush, after we asked for 3pm. Not ideal.',
      ),
    ).toContain('complaint');
    expect(
      strongCodes(
        'the english in the report is really hard to understand, lots of mistakes. our management company couldnt use it',
      ),
    ).toContain('complaint');
    expect(strongCodes('アプリのアップデートで前の記録が見れなくなりました。困ります')).toContain(
      'complaint',
    );
    expect(strongCodes('隣の音で困っています。測定をお願いできますか')).not.toContain('complaint');
    expect(strongCodes('Not ideal, but Thursday works. Thanks!')).not.toContain('complaint');
  });

  it('reads "underwhelmed" as a complaint, and "a little underwhelmed" as mild', () => {
    expect(lexiconCodes('Honestly? Underwhelmed.')).toContain('complaint:strong');
    expect(lexiconCodes('Underwhelming, if I am being polite.')).toContain('complaint:strong');
    expect(lexiconCodes('A little underwhelmed by the graphs.')).toEqual(['dissatisfaction:mild']);
  });
});

describe('round 17: anxiety said mildly', () => {
  it('reads nervousness and the fear of the neighbour finding out as anxiety', () => {
    expect(
      affectCodes(
        "I'm a bit nervous about all this tbh. What if the neighbour sees the engineer and knows it was me?",
      ),
    ).toContain('anxiety');
    expect(
      affectCodes("Worried about our nursery's licence review if the noise data isn't ready by the 20th."),
    ).toContain('anxiety');
    expect(affectCodes("I'm not nervous, just curious how it works")).toEqual([]);
  });
});

describe('round 17: feelings that are not the customer own', () => {
  it('reads a fear felt at a drama as no anxiety (told-fiction.ts)', () => {
    const text = normalizeText('ドラマの中の隣人トラブル、怖かったな〜📺 うちは平和です');
    expect(isToldOfFiction(text, text.indexOf('怖'))).toBe(true);
    expect(lexiconCodes('ドラマの中の隣人トラブル、怖かったな〜📺 うちは平和です')).toEqual([]);
    // A fear of the customer's own beside a story still counts.
    expect(lexiconCodes('ドラマみたいなことが本当に起きて怖いです')).toContain('anxiety:strong');
    expect(lexiconCodes('ニュースで見たような事件になりそうで本当に怖いです')).toContain('anxiety:strong');
    expect(
      lexiconCodes('I watched a documentary on noise and now I am terrified it will happen to us'),
    ).toContain('anxiety:strong');
  });

  it('reads "a post about noise and mental health" as a topic (topic-mention.ts)', () => {
    const text = normalizeText('I wrote a post about noise and mental health on my blog');
    expect(isTopicMention(text, text.indexOf('mental health'))).toBe(true);
    expect(
      lexiconCodes('I wrote a post about noise and mental health on my blog and linked your site.'),
    ).toEqual([]);
    expect(lexiconCodes('The noise is ruining my mental health. I wrote a post about it.')).toContain(
      'anxiety:strong',
    );
    expect(lexiconCodes('I read an article about noise and now my mental health is suffering')).toContain(
      'anxiety:strong',
    );
  });

  it('reads a past anger followed by "I am ok" as over (resolved-past.ts)', () => {
    const text = normalizeText(
      "I was furious about this yesterday, but after sleeping on it I'm ok. Can you tell me how to appeal?",
    );
    const start = text.indexOf('furious');
    expect(isResolvedPast(text, start, start + 7)).toBe(true);
    expect(lexiconCodes("I was furious about this yesterday, but after sleeping on it I'm ok.")).toEqual([]);
    expect(
      lexiconCodes("I was furious yesterday and I'm still furious, I'm ok with nothing you offered"),
    ).toContain('anger:strong');
    expect(lexiconCodes("I am furious. I'm okay physically but the neighbour keeps banging")).toContain(
      'anger:strong',
    );
  });
});
