import { describe, expect, it } from 'vitest';
import { classifyEscalation } from './classify-escalation';

const codes = (message: string) =>
  classifyEscalation({ message }, { learnedModel: false }).reasons.map((reason) => reason.code);

describe('isViolenceNotMeant: a TV sound or a denied hyperbole (round 16)', () => {
  it('is no safety signal when the quoted words were a drama or a game, or the hyperbole is denied', () => {
    for (const message of [
      '隣から夜中に「殺してやる！」って叫び声が聞こえて一瞬ビビったけど、サスペンスドラマの音でした笑',
      '隣から「ぶっころす！」って聞こえるけど、ゲーム実況してるっぽいｗ 防音の相談ってできる？',
      '殴り込みに行きたいくらいの音、って友達には言ってますけど笑、実際は挨拶もする仲です',
    ])
      expect(codes(message), message).not.toContain('safety');
  });

  it('stays safety when the fiction is doubted, the words are not quoted, or the hyperbole stands', () => {
    for (const message of [
      '隣から「殺してやる！」って叫び声が聞こえて、ドラマの音かと思ったら本当に喧嘩でした',
      '隣から「殺してやる！」って聞こえるけど、ゲームっぽいけど怖いです',
      '隣の人に殺してやると言われました。昨日うるさかったのはドラマの音でした',
      '殴り込みに行きたいくらいです',
      '殴り込みに行きたいくらいの音。実際は我慢してますが、もう限界です',
      '殴りたいくらいの音です。実際は何もしないけど、このままだとやりかねない',
      '本気で殴り込みに行きたい。実際は挨拶もする仲ですけど',
      // Review r16: a wish or a guess with more after it, and signs of real danger.
      '隣から「殺すぞ」って声が聞こえて、テレビの音だったらいいんですけど、毎晩です',
      '隣から「殺してやる」って声が毎晩聞こえて、ドラマの音っぽいんですが、女性の悲鳴も混じってて',
      '隣から「殺してやる」って叫び声が聞こえて、ドラマの音でした。でも本当に怖かったです',
    ])
      expect(codes(message), message).toContain('safety');
  });
});
