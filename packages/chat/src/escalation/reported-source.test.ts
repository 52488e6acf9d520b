import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isReportedFromSource: legal words read or heard about in general (round 16)', () => {
  it('is no legal step when quoted from a book, a general example at a meeting, or disowned', () => {
    for (const message of [
      '大学のレポートで騒音問題を調べてて、「損害賠償が認められた判例」って本に書いてあったんですけど',
      '総会で「騒音問題で調停になった例もある」という話が出て',
      'Just curious — if a neighbour dispute ever went to court, would your report be something people use? Not my situation, just read about it.',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for the customer's own step, an unquoted word, or a case that is the customer's", () => {
    for (const message of [
      '本に「訴えたほうがいい」と書いてあったので、訴えます',
      '総会で「あの部屋の住人を訴える」という話が出て',
      '損害賠償が認められた判例って本に書いてあったので、私も請求したいです',
      "If the neighbour keeps this up, I'll take him to court. Not my situation yet, but close.",
      'If a neighbour dispute went to court, would your report be used? Asking because of my upstairs neighbour.',
      'if I take my neighbour to court, is your report enough? not my situation right now',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('stays legal when the customer applies the quote to their own case (review r16)', () => {
    for (const message of [
      '「騒音でも慰謝料が取れる」ってネットに書いてあったので、うちも請求したいです。',
      '「このレベルの騒音なら訴えられる」って記事に載ってたんですが、うちのケースもいけますか？',
      '総会で「騒音問題で調停になった例もある」という話が出て、うちもそうするべきか迷っています。',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isReportedFromSource: curiosity with the own situation told (review r17)', () => {
  it('stays legal when the message describes the customer\u2019s own situation', () => {
    for (const message of [
      'Just curious, no problem really. Can you sue a neighbour for noise at 2am? He does it every night.',
      'Just curious, no issue at all. Can you take a neighbour to court for noise? Mine plays drums at midnight.',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isHeardOrStory: legal words heard through the wall or in someone else’s story (round 18)', () => {
  it('takes them back', () => {
    for (const message of [
      '隣の夫婦が毎晩ケンカしてて「訴えてやる！」「弁護士呼ぶぞ！」って怒鳴り声が聞こえてきます。測定したいです',
      'The couple next door fight every night and I hear stuff like ‘I’ll see you in court!’ through the wall.',
      'Saw a viral thread about someone suing their neighbour over noise, wild stuff. Ours is nowhere near that.',
      'I watched a drama last night where a family sued over noise lol. Is that realistic?? Not planning anything.',
      'I’m writing a short story where two neighbours end up in court over a piano. How would your measurement work?',
      'SNSで、騒音で隣人を訴えた人の投稿がバズってましたね。大変そう…うちはそこまでじゃないので、普通の測定で',
      '昨日テレビで騒音で慰謝料が認められた裁判のニュースやっとって、へえと思いました。',
      '小説を書いていて、騒音トラブルが裁判沙汰になる話を考えています。実際の報告書ってどんな感じなんでしょう？',
      '騒音トラブルって、一般的にどのくらいの割合で裁判になるものなんですか？興味があって',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('keeps the customer’s own step and words said to the customer', () => {
    for (const message of [
      '上の人から「お前を訴えてやる」って聞こえよがしに言われました',
      'I hear them through the wall every night, so I will take them to court.',
      'Saw a thread about someone suing their neighbour over noise. We want to do the same.',
      '騒音で慰謝料が認められた裁判のニュースを見ました。うちも請求したいです',
      'こないだ弁護士のYouTube見てたら、騒音は受忍限度がどうとか言ってたけど、あれってうちにも当てはまる？',
      '騒音トラブルに強い弁護士って、一般的にどうやって探すんですか？今すぐじゃなくて、知識として。',
    ])
      expect(codes(message), message).toContain('legal');
  });
});

describe('isHeardOrStory: the customer’s own media and own suit around a story word (review r18, H2/H3)', () => {
  it('keeps a suit of the customer’s own told after a video, a post or an article of their own', () => {
    for (const message of [
      'I have a video of him where he screams at my kids, I want to sue him.',
      'I sent you a video where he is screaming, I want to file a lawsuit, please send the report.',
      'There is a post where my neighbour admits the noise, I will sue him with it.',
      'Can I use the video about his shouting in court?',
      'Here is the article about my case: the court hearing is next week and I need the report.',
      'I recorded a video where he bangs on my wall all night and I want to take him to court.',
      '裁判で録音データや動画は証拠になりますか？隣の騒音をずっと録ってます',
      '訴訟用に動画を撮っています。報告書も必要ですか',
      '弁護士の動画でみたんですが、騒音測定の報告書って証拠になりますか？隣の人に困ってて',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('keeps the legal step when "writing a novel" names no story near the word (H3)', () => {
    for (const message of [
      'I am writing my novel at home and the noise makes it impossible. Court is the next step, the landlord will not act.',
      'I write a book every year. This year the noise is unbearable. A lawsuit is the next step.',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('still takes back someone else’s story and a story being written', () => {
    for (const message of [
      'Weird question: I’m writing a short story where the main character hires a noise company and ends up suing his neighbour. Is it realistic that a measurement report would be used in court? Just want the plot to make sense haha',
      'I’m writing a novel in which a landlord takes a tenant to court over noise. Could you tell me what a typical report looks like?',
      '裁判の傍聴マニアのYouTubeを最近よく見てます。測定の予約をしたいです',
      '騒音を扱った裁判の記事、面白かったです。予約は来週でお願いします',
      '上の人、朝から晩まで裁判の傍聴マニアのYouTube見てるみたいで、その音がずっと聞こえてきます笑 音量的には大したことないけど、一応記録したいです',
    ])
      expect(codes(message), message).not.toContain('legal');
  });
});
