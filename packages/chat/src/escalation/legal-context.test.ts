import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text';
import { classifyEscalation } from './classify-escalation';
import { isLegalStepNotMeant } from './legal-context';

const rulesAlone = (message: string) => classifyEscalation({ message }, { learnedModel: false });
const codes = (message: string) => rulesAlone(message).reasons.map((reason) => reason.code);

/** isLegalStepNotMeant at the first occurrence of `word` in the normalised message. */
function notMeant(message: string, word: string): boolean {
  const text = normalizeText(message);
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in ${text}`);
  return isLegalStepNotMeant(text, start, start + word.length);
}

describe('isLegalStepNotMeant', () => {
  it('holds for a denied step, in Japanese and English', () => {
    expect(notMeant('訴訟とかは考えてないです。ただ材料がほしいだけで', '訴訟')).toBe(true);
    expect(notMeant('別に消費者センターとかに言うつもりはないですよ', '消費者せんたー')).toBe(true);
    expect(notMeant('not looking to go to court or anything, just want data', 'court')).toBe(true);
    expect(notMeant('No lawsuits, no drama. I just want a number.', 'lawsuits')).toBe(true);
  });

  it('holds for round-13 denials, jokes, places and professions', () => {
    expect(notMeant('訴えるとかじゃなくて、管理会社に伝えたいだけです', '訴え')).toBe(true);
    expect(notMeant('法的にどうこうってより、まず話し合いたいです', '法的に')).toBe(true);
    expect(notMeant("My friend joked that she'd sue her neighbour. Can the app measure birds?", 'sue')).toBe(
      true,
    );
    expect(notMeant('The noise comes from the tennis court behind our building', 'court')).toBe(true);
    expect(notMeant('裁判所の近くに住んでるんですけど、街宣車の音がすごくて', '裁判')).toBe(true);
    expect(notMeant("I'm a lawyer myself, so can the visit be at 8am?", 'lawyer')).toBe(true);
    // …while the customer's own step still counts.
    expect(notMeant("If he does it again I'm suing. Full stop.", 'suing')).toBe(false);
    expect(notMeant('I will take them to court over this', 'court')).toBe(false);
  });

  it("holds for someone else's words that the customer turns down", () => {
    expect(notMeant('友達に「訴えれば?」って言われたけど、そこまでする気はないです', '訴え')).toBe(true);
    expect(notMeant("my dad keeps saying 'just sue them'. we're not doing that.", 'sue')).toBe(true);
  });

  it('holds for a referral or a profession', () => {
    expect(notMeant('弁護士の友人に薦められて御社を知りました', '弁護士')).toBe(true);
    expect(notMeant('My lawyer friend recommended you. How do I book?', 'lawyer')).toBe(true);
    // A lawyer friend who weighs in on the customer's case is a legal topic.
    expect(codes('My lawyer friend says I have a strong case against you.')).toContain('legal');
    expect(notMeant('消費者センターの人にこういうサービスを紹介されました', '消費者せんたー')).toBe(true);
  });

  it("does not hold for the customer's own step or a question about one", () => {
    expect(notMeant('弁護士に相談するつもりです', '弁護士')).toBe(false);
    expect(notMeant("I don't know if I should sue them", 'sue')).toBe(false);
    expect(notMeant('My colleague told me I can ask compensation through the court', 'court')).toBe(false);
    expect(notMeant('このままなら消費者センターに相談します', '消費者せんたー')).toBe(false);
    // Someone else's suggestion the customer takes up is the customer's own case.
    expect(notMeant("my friend said 'just sue them' and honestly I might", 'sue')).toBe(false);
  });
});

describe('classifyEscalation on legal words that are no legal step', () => {
  it("drops the denied or reported step but keeps a later step of the customer's own", () => {
    expect(codes('訴訟とかは考えてないです')).not.toContain('legal');
    expect(codes('訴訟は考えてないですが、慰謝料は請求したいです')).toContain('legal');
    expect(codes('No lawsuits for now, but my lawyer is reading your report')).toContain('legal');
  });
});

describe("isLegalStepNotMeant: the customer's own threat is never taken back (review of round 13)", () => {
  it('3.1: a negated joke and the customer\'s own "said" or a third party\'s noise keep the threat', () => {
    expect(codes("I'm not joking, I will sue you.")).toContain('legal');
    expect(codes('冗談ではなく本気で訴えます')).toContain('legal');
    expect(codes('冗談で言ってるんじゃない、訴えます。')).toContain('legal');
    expect(codes("Like I said before, I'm suing. Not joking.")).toContain('legal');
    expect(codes("As I said, I will sue you. I'm not joking.")).toContain('legal');
    expect(codes("My neighbour yells every night so I'm suing him haha…")).toContain('legal');
    expect(codes('No joke, my lawyer will contact you')).toContain('legal');
    expect(codes('冗談抜きで弁護士に相談します')).toContain('legal');
    // Someone else's joke, or someone else's words laughed off, are still no step.
    expect(notMeant("My friend joked that she'd sue her neighbour. Can the app measure birds?", 'sue')).toBe(
      true,
    );
    expect(notMeant('友達が冗談で訴えるとか言ってました', '訴え')).toBe(true);
    expect(notMeant("my dad keeps saying 'just sue them'. we're not doing that.", 'sue')).toBe(true);
    expect(notMeant("my bf keeps saying 'sue them!!' lmao no. just want a quiet night", 'sue')).toBe(true);
    expect(notMeant("My neighbour said 'see you in court' as a joke, we both laughed", 'court')).toBe(true);
  });

  it("someone else's joke that the customer then takes up is the customer's step", () => {
    expect(codes('My friend joked I should sue, but honestly I am considering it now.')).toContain('legal');
    expect(codes('友達は冗談で訴えればって言うけど、正直本気で考えてます')).toContain('legal');
    expect(notMeant('My friend joked I should sue. Thinking about it, actually.', 'sue')).toBe(false);
    // Taken no further, it stays a joke.
    expect(notMeant('My friend joked I should sue. Anyway, how do I book?', 'sue')).toBe(true);
  });

  it('3.2: "is a" near the word is no profession unless the profession is what is named', () => {
    expect(codes('This is a disgrace. My lawyer will contact you.')).toContain('legal');
    expect(codes("This is a scam. I'm calling my lawyer tomorrow.")).toContain('legal');
    expect(codes('It is an outrage, my attorney will contact you')).toContain('legal');
    expect(codes('私は弁護士に相談します')).toContain('legal');
    expect(notMeant("I'm a lawyer myself, so can the visit be at 8am?", 'lawyer')).toBe(true);
    expect(notMeant("My upstairs neighbour's a lawyer, funnily enough", 'lawyer')).toBe(true);
    expect(notMeant('she is a family lawyer and works late', 'lawyer')).toBe(true);
    expect(notMeant("we're a law firm on the 5th floor", 'law firm')).toBe(true);
    expect(notMeant('夫は弁護士なので夜は家にいません', '弁護士')).toBe(true);
  });

  it('3.3: a denial governs the legal word itself, with no new subject in between', () => {
    expect(codes('We are not going to pay we will sue you')).toContain('legal');
    expect(codes('Not going to lie i will sue')).toContain('legal');
    expect(notMeant('not looking to go to court or anything, just want data', 'court')).toBe(true);
    expect(notMeant('not planning to take them to court, just want it quiet', 'court')).toBe(true);
    expect(notMeant('we have no intention of suing anyone', 'suing')).toBe(true);
  });

  it('3.4: 大げさ and 話じゃなく deny only right next to the word', () => {
    expect(codes('訴えますよ、大げさではなく')).toContain('legal');
    expect(codes('もう弁護士に相談するしかないのではないでしょうか')).toContain('legal');
    expect(notMeant('弁護士とかそういう大げさな話じゃなくて、管理会社に伝えたいだけです', '弁護士')).toBe(
      true,
    );
    expect(notMeant('訴訟の話ではなく、測定の相談です', '訴訟')).toBe(true);
    expect(notMeant('訴えるとかじゃなくて、管理会社に伝えたいだけです', '訴え')).toBe(true);
  });

  it('round 15: a step settled before it came, the lawyer review asked about, damage done to things', () => {
    // A step that never came, because the dispute was settled first; wanting to settle first is the
    // customer's own case.
    expect(codes('隣とは調停とかになる前に和解できました。報告書のおかげです')).not.toContain('legal');
    expect(codes('調停になる前に和解したいです')).toContain('legal');
    expect(codes('裁判になる前に解決できたらいいなと思ってます')).toContain('legal');
    expect(codes('We settled before it went to court, thanks to your report.')).not.toContain('legal');
    expect(codes('We need to settle this before it goes to court.')).toContain('legal');
    // The premium plan's lawyer review, asked about: only the lawyer, only in that question.
    expect(codes('does the lawyer review mean a lawyer will contact my neighbour?')).not.toContain('legal');
    expect(codes('does the lawyer review mean I can sue my neighbour?')).toContain('legal');
    expect(codes('After the lawyer review I want a lawyer to contact my neighbour.')).toContain('legal');
    expect(codes('Can a lawyer contact my neighbour for me?')).toContain('legal');
    // "damages" as harm to things, not money claimed.
    expect(codes("what's your policy if the technician damages something?")).not.toContain('legal');
    expect(codes('I will claim damages if the technician breaks something')).toContain('legal');
    expect(codes('The noise damages my health and I want damages')).toContain('legal');
  });

  it('review r15 H5, H6, M1: damages owed, a settlement denied or broken, a lawyer against someone stay legal', () => {
    for (const message of [
      'You will be held responsible for any damages the technician caused.',
      "I'll hold you responsible for all damages the technician caused to my floor.",
      "You owe me damages my insurance won't cover.",
      'I demand you cover the damages the technician caused.',
      "I'm owed damages the moment your guy broke my window.",
      'We never settled before it went to court.',
      "It wasn't settled before it went to court.",
      'We had hoped it would be settled before it went to court.',
      "We settled before it went to court, and now they're ignoring the agreement.",
      'We settled before it went to court but they never paid.',
      '調停になる前に和解しました。でも和解金がまだ振り込まれていません',
      '裁判になる前に和解したのに、相手が約束を守りません',
      'Does the lawyer review mean a lawyer will represent me against my landlord?',
      'Does the lawyer review mean a lawyer will take my landlord on for me?',
    ])
      expect(codes(message), message).toContain('legal');
    // The close variants keep the round-15 readings.
    expect(codes('If the technician damages the floor, who pays for the repair?')).not.toContain('legal');
    expect(codes('We settled before it went to court, and everyone is happy.')).not.toContain('legal');
    expect(codes('does the lawyer review mean a lawyer will read my lease?')).not.toContain('legal');
  });
});

describe('isLegalStepNotMeant: round 16', () => {
  it('訴え as a noun for symptoms or complaints received is no suit', () => {
    expect(codes('社員から頭痛の訴えがあります')).not.toContain('legal');
    expect(codes('住民から騒音の訴えが多くて')).not.toContain('legal');
    for (const message of [
      '訴えます',
      '訴えを起こす',
      '訴えるぞ',
      '騒音の訴えを起こします',
      '隣人を騒音で訴えます',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('a denial with an adverb between, or in a formal form, denies the step', () => {
    expect(codes('訴える気はまったくないです')).not.toContain('legal');
    expect(codes('裁判とか全然考えてないです')).not.toContain('legal');
    expect(codes('訴訟などは一切考えておらず、数値がほしいだけです')).not.toContain('legal');
    expect(codes("I'm not really looking to sue anyone, just want it quieter.")).not.toContain('legal');
    // The denial must be of the step itself, next to the verb; an own step stays.
    for (const message of [
      '訴える気になりました',
      '訴えるしかない。謝る気はないみたいなので',
      "I'm not really looking forward to it, but I will sue.",
      '訴える気はまったくなかったけど、もう訴えます',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it("someone else's joke: a friend's words ending in a laugh, «冗談っぽく»", () => {
    expect(
      codes(
        "My buddy literally texted me 'I'm gonna sue your neighbour's dog lol' when I told him about the barking.",
      ),
    ).not.toContain('legal');
    expect(
      codes('住民の話し合いで、冗談っぽく「訴えるぞ〜」って言った人がいて場が和みました笑'),
    ).not.toContain('legal');
    // A step suggested to the customer, someone in the dispute, or the customer's own clause stays legal.
    for (const message of [
      'my cousin says i should lawyer up lol. is that overkill for footsteps?',
      "My neighbour texted me 'I'll sue you lol'",
      "My buddy texted me and I'm gonna sue them lol",
      'My buddy texted me im gonna sue your neighbours dog lol. honestly I might do it myself',
      '冗談っぽく言ってますけど、本気で訴えます',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('the consumer centre as a source, or a suggestion turned down, is no threat', () => {
    expect(
      codes(
        '消費者センターのサイトで「騒音測定業者を選ぶポイント」って記事を読んで、こちらにたどり着きました',
      ),
    ).not.toContain('threat');
    expect(
      codes(
        "My landlord said 'just tell them you'll go to the consumer center and they'll knock the price down' lol. Not doing that, I just want a normal quote.",
      ),
    ).not.toContain('threat');
    for (const message of [
      '消費者センターのサイトを読んで、相談することにしました',
      '消費者センターに相談します',
      "My landlord said 'just tell them you'll go to the consumer center'. Honestly, I might.",
      // Left alone: the customer may be asking where to take a complaint.
      '消費者センターって、騒音の相談も受けてくれるんでしょうか？',
    ])
      expect(codes(message), message).toContain('threat');
  });
});

describe('isLegalStepNotMeant: review r16', () => {
  it('a denial that leaves the step as the only way, is over, or holds on a condition keeps the step', () => {
    for (const message of [
      'こうなった以上、法的措置以外は考えておりません。',
      '訴えるほか考えておりません',
      '訴訟しか考えていません',
      '訴訟は考えておりませんでしたが、今回の対応で気が変わりました。',
      "I'm not really planning to sue, unless this isn't fixed by Friday.",
      'Not really looking to go to court, but if the report is wrong again I will.',
    ])
      expect(codes(message), message).toContain('legal');
    // The plain denials stay no step.
    expect(codes('訴訟などは一切考えておらず、数値がほしいだけです')).not.toContain('legal');
    expect(codes("I'm not really looking to sue anyone, just want it quieter.")).not.toContain('legal');
  });

  it("a household member's or a step against a party to the dispute is no joke", () => {
    for (const message of [
      "my wife literally told me she's suing the landlord haha. Can the report be used for that?",
      'My dad said he would take them to court lol, he is fed up',
    ])
      expect(codes(message), message).toContain('legal');
    expect(
      codes(
        "My buddy literally texted me 'I'm gonna sue your neighbour's dog lol' when I told him about the barking.",
      ),
    ).not.toContain('legal');
  });

  it('訴え received from a neighbour or the other party may be a suit', () => {
    expect(codes('隣人から騒音の訴えが届きました。どうすればいいでしょうか。')).toContain('legal');
    expect(codes('隣の人から騒音の訴えがありました')).toContain('legal');
    expect(codes('住民から騒音の訴えが多くて')).not.toContain('legal');
  });
});

describe('isLegalStepNotMeant: places, shows, professions, quoted terms and jokes', () => {
  it('is no legal step for a place, a show, a profession or jury duty', () => {
    for (const message of [
      'Haha my wife keeps watching that courtroom drama where they sue the noisy neighbours. Anyway, price for a visit?',
      'My office is in the same building as a law firm. Their printer is the loudest thing here lol. Need a measurement for our open-plan area.',
      'My neighbour is a judge, funnily enough, and very quiet. The noise is from the street. Visit Monday?',
      "I'm a court stenographer so I'm used to noise lol. Need an office assessment for my home studio.",
      'Where is your office? Near the district court?',
      '事務所が地方裁判所のすぐ近くなんですが、訪問エリアに入っていますか？',
      '法律事務所の入ってるビルなんですが、入館手続きが必要なので技術者さんのお名前を事前に教えてください',
      '近所の弁護士事務所の看板、夜中も光ってて眩しいんですよね笑 音じゃないからダメか。測定の予約したいです',
      '姉が司法書士なんですけど、それは置いといて、訪問の時間を変えたいです',
      '友達の結婚相手が裁判官らしいです笑 どうでもいい話ですみません。レポートの再発行お願いします',
      '裁判員に選ばれちゃって、その週は予約を全部ずらしたいです',
      '夫のいびきのほうがうるさいので、夫を訴えたいくらいです（笑）それはさておき、騒音計のレンタルは最短いつからですか',
      "People on a forum told me to sue straight away, but I'm not going down that road. I just want a clear report.",
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it("stays legal for the customer's own step next to the same words", () => {
    for (const message of [
      'I watched a show last night and now I want to sue my neighbour.',
      'The law firm in our building will take the neighbour to court for us.',
      'My neighbour is suing me. Can your report help in court?',
      'The judge asked for a noise report before the hearing.',
      '地方裁判所に訴えを起こしました',
      '弁護士事務所に相談しに行きます',
      '弁護士事務所のビルに行って相談してきました',
      '上の人を訴えたいくらいです笑',
      '裁判官に報告書を出す必要があります',
      'People on a forum told me to sue, and honestly I am thinking about it.',
      '警察にも相談済みなので、測定の方をお願いします。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is no legal step for a quoted term asked about, or general curiosity', () => {
    for (const message of [
      '「示談」ってどういう意味ですか？ニュースで見て。うちは関係ないです',
      '「法的措置」って言葉がレポートに出てきたんですが、どういう意味で書かれてるんですか',
      '「損害賠償」って言葉、利用規約に出てくるんですけど、これって御社が払う側ってこと？単なる質問です',
      '小説で「騒音訴訟」ってタイトルの本読んでて笑いました。さて、更新手続きってどうやるんでしたっけ',
      'How loud is too loud legally-speaking? Just general curiosity, no issue at the moment.',
    ])
      expect(codes(message), message).not.toContain('legal');
  });

  it('stays legal when the quote or the question is about the own case', () => {
    for (const message of [
      '規約に「損害賠償」と書いてあるので、請求します',
      '「示談」ってどういう意味ですか？うちも示談にしたいです',
      'Can I legally make them stop? Just curious, no issue yet.',
      'How loud is too loud legally? My neighbour is unbearable.',
      '「訴えるぞ」って上の人に言われました',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is no legal step for a wish to sue given up after talking it out', () => {
    expect(
      codes('上の人を訴えたい気持ちもあったけど、冷静になって話し合いで解決しました。ありがとう'),
    ).not.toContain('legal');
    expect(
      codes('上の人を訴えたい気持ちもあったけど、話し合いで解決しました。でも相手がまた騒いでいます'),
    ).toContain('legal');
    expect(codes('上の人を訴えたい気持ちもあったけど、解決したいので話し合います')).toContain('legal');
  });
});

describe('isLegalStepNotMeant: a place word next to a step of the customer\u2019s own', () => {
  it('stays legal when the sentence with the place or the sign also takes a step', () => {
    for (const message of [
      '近所の弁護士事務所の看板を見て、相談に行こうと思ってます。',
      '裁判所のすぐ近くに住んでるので、明日にでも訴状を出しに行きます。',
      '明日訴状を出しに行きます。',
      '法律事務所の入ってるビルに行って、依頼してきます。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('is still no legal step for the place or the sign alone', () => {
    for (const message of [
      '近所の弁護士事務所の看板がうるさい色で笑いました。',
      '裁判所のすぐ近くに住んでるので、朝は車が多いです。',
      '法律事務所の入ってるビルの3階がうちの事務所です。',
    ])
      expect(codes(message), message).not.toContain('legal');
  });
});

describe('isLegalStepNotMeant: round 18', () => {
  it('takes back a profession, a workplace, a court as a place or a denial', () => {
    for (const message of [
      'The judge who lives upstairs is lovely and quiet. It’s the dog downstairs that’s the problem.',
      'Funny thing, my downstairs neighbour is actually a judge, so I’d like everything done by-the-book lol.',
      'I manage a law firm’s office and the HVAC noise in our meeting rooms is loud. Do you do commercial measurements?',
      'Years ago I worked as a paralegal at a law firm in Osaka, so I’m used to dense reports.',
      'A few of our members are law firms and don’t want anything recorded near their desks.',
      'Can I get a copy of the terms as they were when we signed in 2022? Our general counsel is auditing all vendor contracts.',
      'Our legal department asked whether you store voice recordings. Privacy-policy question, not related to any dispute.',
      'Just to confirm, the chatbot’s answers aren’t legal advice, right?',
      'And nobody’s suing anybody, don’t worry 😂 I just want a number I can show the committee.',
      'The mediation session really worked, we’ve agreed on quiet hours. Glad it never came to lawyers!',
      '隣の部屋の人、弁護士さんらしいです。毎晩遅くに帰ってきて、ドアの開け閉めが響きます。',
      '隣に住んでるのが弁護士さんなんですけど、その方の家のピアノの音がけっこう響きます。',
      '父が元裁判官で、「騒音は記録が大事」が口癖でした。',
      '私、裁判所で書記官をしてるんですけど、隣の工事がうるさくて。昼間の測定ってできますか',
      '裁判所の建て替え工事が近所であって、昼間は一日中ガンガンいってます。',
      '法律事務所を経営しています。ビルの空調音が気になるので、法人で測定をお願いしたいのですが',
      'うちの入居者さんは弁護士の方が多くて、報告書の数値の根拠をよく聞かれます。',
      '私は新聞記者をしています。夜勤明けで昼に寝たいのに、隣のリフォームの音がすごくて。',
      'チャットの回答って法的なアドバイスではないんですよね？確認です',
      'そっか、まあ裁判とかしたいわけじゃないし、話し合いで十分かも！',
      '弁護士に頼むほどのことじゃないと思ってるので、まずは話し合いたいです。',
      '御社の調停のおかげで、隣の方と円満に話がつきました。裁判にならずに済んで本当に良かったです',
      '弊社では契約締結前に、弊社顧問弁護士によるリーガルチェックを通す必要がございます。',
    ])
      expect(codes(message), message).not.toContain('legal');
    expect(
      codes('My brother works at the consumer centre and he’s the one who suggested you.'),
    ).not.toContain('threat');
  });

  it('keeps the same words as a step of the customer’s own', () => {
    for (const message of [
      'My neighbour is a nightmare. I’m going to court.',
      'I work at a bank and I will sue you.',
      '隣の人、弁護士に相談するって言ってました。私も訴えられるんでしょうか',
      '裁判所に出す書類として、この報告書って通用しますか',
      '私は弁護士に相談します',
      'I’m not going to sue yet, but I need the report by Friday for my lawyer.',
      '裁判にならないように、でも慰謝料は請求したいです',
      '弊社顧問弁護士が、騒音の件で御社の報告書の誤りを指摘しています。',
      'Our legal department is reviewing the dispute with the tenant and needs your report.',
    ])
      expect(codes(message), message).toContain('legal');
    expect(codes('My sister works at the consumer centre and she’ll hear about this.')).toContain('threat');
  });
});

describe('isLegalStepNotMeant: a profession of the household sent at us, counsel on our terms (review r18, H5/M5)', () => {
  it('stays legal when the sentences with the profession turn it on us or on this case', () => {
    for (const message of [
      '妻が弁護士事務所をやってまして、この請求書、見てもらってます。来週連絡が行くと思います',
      '妻が弁護士なので、この請求書、見てもらってます。',
      '夫は法律事務所を経営しているので、この件は夫に依頼します。',
      'My wife is also a lawyer. Expect a letter from her office about this.',
      'My wife is a lawyer. Expect a letter from her office about this.',
      'My husband is actually a solicitor, so you will be hearing from him about the double charge.',
      '弊社顧問弁護士によるリーガルチェックで、御社契約の解約条項が無効と判断されました。',
      '弊社顧問弁護士が契約書の請求条項を確認しております。',
    ])
      expect(codes(message), message).toContain('legal');
  });

  it('still takes back the profession told in passing and counsel reading a contract', () => {
    for (const message of [
      'Funny thing, my downstairs neighbour is actually a judge, so I’d like everything done by-the-book lol.',
      'My wife is also a lawyer, so she likes to read the small print. Which plan has the longest report?',
      'My neighbor is a lawyer, kind of intimidating lol, but he was actually super reasonable about the noise. Used your letter template. Thanks!',
      '妻が弁護士事務所をやってまして、事務所の空調音を測定してほしいです。',
      '法律事務所を経営しています。ビルの空調音が気になるので、法人で測定をお願いしたいのですが',
      '弊社では契約締結前に、弊社顧問弁護士によるリーガルチェックを通す必要がございます。',
    ])
      expect(codes(message), message).not.toContain('legal');
  });
});
