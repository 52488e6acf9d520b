/**
 * A billing worry the customer already cleared, told after it: «二重払いじゃないかって思ったけど、
 * よく見たら別の月の分でした», «請求が二重だとお問い合わせしましたが、こちらの勘違いでした», "I
 * thought I was charged twice, my mistake". Only the clearing ending counts, and only after the
 * worry: «よく見たら請求が2回来ていました» ("on a closer look there were two charges") finds the
 * problem instead of clearing it.
 */
const clearing =
  /よく見たら[^。!?]{0,30}?(?:でした|(?:では|じゃ)なかった|問題(?:なかった|ありません)|合ってました)|(?:勘違い|見間違い?|思い違い)(?:でした|だった|です|みたい)|気のせいでした|\bmisread\b|\bmy (?:mistake|bad)\b/u;

/** How far after the worry the clearing may come (about one more sentence). */
const reach = 60;

/**
 * True when the billing worry that ends at `end` of normalised text is cleared by the customer
 * within the next sentence or so.
 */
export function isClearedAfter(text: string, end: number): boolean {
  return clearing.test(text.slice(end, end + reach));
}
