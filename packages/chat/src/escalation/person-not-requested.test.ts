import { describe, expect, it } from 'vitest';
import { strongSignalCodes } from '../test-utils/strong-codes';
import { createEscalationClassifier } from './classify-escalation';

const rules = createEscalationClassifier({ learnedModel: false });
const codesOf = (message: string) => rules({ message }).reasons.map((reason) => reason.code);

describe('isPersonNotRequested', () => {
  it('reads a person talked to, put off or only mentioned as no request', () => {
    expect(codesOf('前回はお騒がせしました。あのあと上の方と話せて、今は静かです。')).toEqual([]);
    expect(codesOf('じゃあ担当者と話すのは当日で大丈夫です。チャットでの電話予約とかは要らないです')).toEqual(
      [],
    );
    expect(codesOf('管理会社の担当者、話は聞いてくれるけど動きは遅いタイプ。まあそんなもんか')).toEqual([
      'dissatisfaction',
    ]);
    expect(
      codesOf(
        "I was told someone would call me tomorrow — what number will it come from, so I don't ignore it?",
      ),
    ).toEqual([]);
  });

  it('keeps a wish to talk to a person', () => {
    expect(codesOf('担当者と話したいです')).toContain('human_request');
    expect(codesOf('担当者と話せたらいいのですが')).toContain('human_request');
    expect(codesOf('電話で直接相談したい')).toContain('human_request');
    expect(codesOf('can I talk to a human?')).toContain('human_request');
    expect(
      codesOf('I was told someone would call me yesterday but nobody did. Call me back today.'),
    ).toContain('human_request');
  });

  it('reads declining a person and asking whether a phone counter exists as no request', () => {
    expect(codesOf('いえ、人につないでもらうほどじゃないです。返却期限だけ知りたくて')).toEqual([]);
    expect(codesOf('電話で相談できる窓口ってありますか？営業時間も教えてください')).toEqual([]);
    expect(codesOf('人につないでください')).toContain('human_request');
  });
});

describe('isPersonNotRequested: review r16', () => {
  it('keeps a wish to talk, talk on the phone, and an overdue arranged call', () => {
    for (const message of [
      '責任者と直接話せた方が早いと思います。',
      '担当者と話した方が早いと思うので、お願いできますか',
      '電話で話はできませんか？',
      "I was told someone would call me back on Monday. It's Thursday now. When will they call?",
      'You said someone will call me. It has been a week. When will they call?',
    ])
      expect(codesOf(message), message).toContain('human_request');
    expect(codesOf('あのあと上の方と話せて、今は静かです')).toEqual([]);
    expect(
      codesOf('I was told someone would call me tomorrow. What number will it come from?'),
    ).not.toContain('human_request');
  });
});

describe('round 17: a person named, none asked for', () => {
  it('is no human request', () => {
    expect(strongSignalCodes('Will the engineer call me before coming, or do they just turn up?')).toEqual(
      [],
    );
    expect(strongSignalCodes('電話相談の受付時間って何時から何時ですか？')).toEqual([]);
    expect(
      strongSignalCodes('上の人と話し合いました。思ったよりいい人で、お互い気をつけようってなりました'),
    ).toEqual([]);
  });

  it('keeps a call or a talk wanted', () => {
    expect(strongSignalCodes('Can the engineer call me before coming?')).toContain('human_request');
    expect(strongSignalCodes('Please have the engineer call me before he comes.')).toContain('human_request');
    expect(strongSignalCodes('電話相談の受付時間って何時までですか？今すぐ話したいです')).toContain(
      'human_request',
    );
    expect(strongSignalCodes('上の人と話し合いたいので、担当者さんに間に入ってほしいです')).toContain(
      'human_request',
    );
  });
});

describe('review r17: a talk in the て-form that leads to a wish', () => {
  it('keeps the talk wanted', () => {
    expect(strongSignalCodes('責任者と直接話し合って決めたいです。')).toContain('human_request');
    expect(strongSignalCodes('担当者と話し合ってから決めたいので、連絡ください')).toContain('human_request');
  });

  it('still reads a talk that happened as none', () => {
    expect(strongSignalCodes('上の人と話し合って、解決しました')).toEqual([]);
    expect(strongSignalCodes('あのあと上の方と話せて、今は静かです。')).toEqual([]);
  });
});

describe('round 18: a talk declined, a phone line asked about for its hours, a person of the own side', () => {
  it('asks for no person', () => {
    expect(
      strongSignalCodes(
        '人と話さなくても、チャットで全部済むならそのほうが助かります！予約の確認だけお願いします。',
      ),
    ).not.toContain('human_request');
    expect(
      strongSignalCodes('チャットじゃなくて電話の窓口ってありますか？営業時間だけ知りたいです'),
    ).not.toContain('human_request');
    expect(
      strongSignalCodes(
        'Someone senior at my company wants to understand your service before we sign. Do you have a one-pager?',
      ),
    ).not.toContain('human_request');
  });

  it('keeps a wish to talk beside the same words', () => {
    expect(strongSignalCodes('人と話したいです')).toContain('human_request');
    expect(strongSignalCodes('チャットじゃなくて電話で話したいです。営業時間だけ知りたいです')).toContain(
      'human_request',
    );
    expect(strongSignalCodes('I want someone senior to look at this.')).toContain('human_request');
  });
});
