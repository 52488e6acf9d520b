/**
 * A fear or anger felt at a story, not at the customer's own life (round 17): «ドラマの中の隣人
 * トラブル、怖かったな〜📺 うちは平和です», "that film about neighbours was scary". The word sits in a
 * sentence that names a drama, film, programme, novel, manga or the news seen or read. One false
 * alarm of round 17; a fear of the customer's own next to a story («ドラマみたいなことが本当に起きて
 * 怖いです») is not read so: the story must be what the feeling is about («…の中の», «…で見た»,
 * "in the film").
 *
 * Round 18 (train14-ah): a character of a story the customer writes or watches feels it («ミステリー
 * 小説を書いてて、主人公が夜中の物音に怯えるシーンがあるんですが», «ドラマで主人公が「ふざけるな!」って…
 * 怒鳴り込むシーン», "the protagonist is terrified of"): the protagonist or a character is the subject
 * of the feeling in the same sentence, and the sentence names a story (a novel, drama, film, scene).
 * "My protagonist days are over, I am terrified of my neighbour" names no story.
 *
 * Runs on normalised text (katakana folded to hiragana).
 */
const characterBefore =
  /(?:主人公|登場人物|きゃら(?:くたー)?)(?:が|は|も)[^。!?]{0,24}$|\b(?:the|my|a|her|his|our) (?:protagonist|main character|character|heroine|hero)\b[^.?!]{0,24}$/u;
// Review r18 M2: the gap after the character must not run into the customer's own clause
// («ドラマの主人公が怯えるシーンを見て、自分も同じ状況で怖いです», «主人公が怖がる感じじゃなくて、本当に
// 私が怖いんです») nor past the customer's watching or reading of the scene into their own reaction
// («…シーンを見て、隣の人が毎晩怖いです»; the normalised text has no 「、」 between Japanese to stop at).
const ownInGap =
  /私|自分|僕|俺|うち|じゃなく|ではなく|(?:見|観|読ん)(?:て|た|ると)|\b(?:i|im|me|myself|we|us)\b/u;
const storyNamed =
  /小説|どらま|映画|漫画|まんが|あにめ|しーん|場面|脚本|物語|\b(?:novel|story|film|movie|drama|scene|script|book|series|episode)\b/u;
const storyBefore =
  /(?:どらま|映画|番組|小説|漫画|まんが|あにめ|にゅーす|動画)(?:の中|で見|を見|で読|を読)[^。!?]{0,12}$|\b(?:in|on|watching|watched|saw) (?:the|a|that|this) (?:movie|film|tv show|drama|series|documentary|novel|episode)\b[^.?!]{0,30}$/u;
// …but the story only compared with the customer's life («ニュースで見たような事件になりそうで本当に
// 怖いです», "like in the film, it actually happened to us") is their own fear.
const realLife =
  /本当|ほんと|実際|現実|うち|私|自分|ような|みたいな|\b(?:like|real|really|actually|us|me|my|our)\b/u;

/** True when the feeling word at `start` of normalised text is told about a story (see the file comment). */
export function isToldOfFiction(text: string, start: number): boolean {
  const story = storyBefore.exec(text.slice(Math.max(0, start - 40), start));
  if (story !== null && !realLife.test(story[0])) return true;
  const character = characterBefore.exec(text.slice(Math.max(0, start - 40), start));
  return (
    character !== null &&
    !ownInGap.test(character[0]) &&
    storyNamed.test(text.slice(Math.max(0, start - 60), start + 40))
  );
}
