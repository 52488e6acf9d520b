import { foldKana } from '../text/normalize-text';

/**
 * Borderline concerns that escalate only for an account at risk (a red health band, a renewal
 * soon, a high-value account): mild dissatisfaction, a problem that came back or got worse,
 * hesitation about renewing or a look at competitors, chasing an earlier request ("思ってたのと
 * 違う", "underwhelming", "…again", "前より遅く", "続けるか検討中", "reviewing all our vendors",
 * "再送", "just following up again", "まだでしょうか"), and since round 12 the quiet signs of
 * churn: little use ("not using it much", «最近あんまり開いてない»), a budget under review or a
 * price that is too much («予算が厳しく», "cut subscriptions", "a bit much for what we use"), a
 * smaller plan or fewer sites ("might drop a few sites", «プラン縮小»), a renewal left open ("we'll
 * see about renewing", «様子見»), competitors, a question that got no reply, and a shrugged
 * dissatisfaction ("meh", «前の方が見やすかった», «まあいいけど»). An alternative counts only as one to
 * the service ("evaluating alternatives", "alternative vendors"), not "an alternative date". For any
 * other account these are no escalation: the account amplifies a concern, it does not replace one.
 *
 * Runs on normalised text (katakana folded to hiragana).
 */
const atRiskConcern = new RegExp(
  foldKana(
    /思って(?:い)?た(?:の|もの|ん)?と(?:ちょっと|少し|だいぶ|かなり|全然)?違|期待(?:ほど|して(?:い)?たほど)|物足りな|もやもや|(?:また|再び|相変わらず)[^。]{0,16}(?:気にな|始ま|止ま|落ち|鳴|聞こえ|壊れ|起き)|前(?:回)?も同じ|前より[^。]{0,12}(?:遅|悪|高|減|増え)|(?:更新|継続|契約|続け)[^。]{0,12}(?:迷|悩|検討|考え)|他社[^。]{0,12}(?:話|見積|比較|検討)|再送|(?:もう一度|もう一回|再度|改めて)[^。]{0,6}(?:確認|連絡|お送り|送|お願い|問い合わせ)|まだ(?:でしょうか|ですか|かな)|どうなって(?:ます|いま)|underwhelm|not that useful|could (?:be|have been) better|not (?:really )?worth|(?:stopped|failed|broke|crashed|wrong|happening|started)[^.?!]{0,30}\bagain\b|keeps? (?:happening|stopping|failing|crashing)|(?:not sure|unsure|hesitant|doubt|reconsider)[^.?!]{0,30}(?:renew|continu|stay|worth)|(?:slower|worse|later) than (?:before|usual|last)|review(?:ing)? (?:all )?(?:our |the )?(?:vendors|providers|suppliers|contracts|subscriptions|options)|(?:compar|shop)(?:e|ing) (?:around|vendors|providers|options)|follow(?:ing)?[- ]up (?:again|on|about)|(?:pinging|chasing|checking in|writing|asking) (?:you )?again|(?:any|an) update (?:on|about)|still waiting|(?:あんま|あまり|ほとんど|全然|最近)[^。]{0,10}(?:使って|開いて|見て|測って|使わ|開か|見)(?:い)?(?:な|ませ)|(?:使う|開く|見る|測る)(?:こと|機会|回数)(?:も|が)?(?:減|少な|ほとんどな)|\b(?:not|barely|hardly|rarely|seldom|havent|dont|didnt|do not|have not) (?:really |even |actually )?(?:using|use|used|opened|open|opening|checked|checking|check|ran|run|running|needed|need|looked at)\b[^.?!]{0,24}\b(?:much|lately|anymore|any more|at all|recently|this (?:month|quarter|year)|often|very much)|\b(?:barely|hardly|rarely|never) (?:use|used|using|ran|run|open|opened|check|checked|touch|touched|do)\b|paying for (?:something|a service|it|this) (?:we|i) (?:dont|do not|barely|hardly|rarely)|予算[^。]{0,12}(?:厳し|きびし|見直|削|かっと|縮小|減|足りな|かつかつ)|(?:費用|料金|会費)[^。]{0,12}(?:見直|負担|削減|本当に必要)|本当に必要|もったいな|(?:金額|値段|価格|料金|見積)[^。]{0,14}(?:何とか|なんとか|下がれ|下げて|安く(?:なれ|して|なら))|値上げ[^。]{0,8}(?:なら|したら|だったら|する(?:なら|んだったら))|(?:他社|よそ)[^。]{0,10}(?:安い|安く|いい|良い)|(?:ぷらん|契約|規模)[^。]{0,10}(?:縮小|下げ|減ら|見直|小さく)|\bbudget\w*\b[^.?!]{0,30}\b(?:tight|cut|cuts|review|squeez\w*|pressure|reduc\w*|freeze|frozen)|\b(?:cut|cutting|reduce|reducing|trim|trimming) (?:costs|spend|spending|subscriptions|vendors|tools|the budget|our budget|back)|\bcost[- ]cutting|(?:cheaper|lower|smaller|lighter) (?:plan|tier|option|package)|\b(?:a bit|a little|too|way too) (?:much|expensive|pricey|steep)\b(?! trouble)|(?:whether|if) we (?:really )?need (?:this|it|you)|\b(?:may|might|probably) not need|\b(?:dont|do not|wont) (?:really )?need (?:the full|all|you|it|this)\b|\bdrop (?:a few|some|several|one|two|a couple)|\bconsolidat\w+|\bscal(?:e|ing) (?:back|down)|\bdowngrad\w*|\b(?:not sure|unsure|wondering)[^.?!]{0,40}\b(?:makes sense|still need|need (?:it|this|you))|\bwe(?:ll| will) see (?:about|if)|let me think (?:about it|it over)|\bthink (?:it over|about (?:renewing|whether))|on the fence|\bundecided|様子見|(?:考え|検討)中|迷って|悩んで(?:い)?ます|\b(?:not sure|unsure|hesitant|doubt|reconsider)[^.?!]{0,50}(?:renew|continu|stay|worth|keep using)|\bcompetitors?\b|\bother (?:vendors|providers|services|companies|tools)\b|\b(?:look\w* (?:at|for|into)|consider\w*|explor\w*|evaluat\w*|tr(?:y|ie)\w*|switch\w* to)\b[^.?!]{0,16}\balternatives?\b|\balternatives? (?:to (?:your?|this)|vendors?|providers?|services?|tools?|apps?|solutions?)\b|\b(?:never|still (?:havent|have not)|didnt|did not|havent|have not) (?:got|get|gotten|received|heard)[^.?!]{0,20}\b(?:reply|response|answer|back)|\bno (?:reply|response|answer) (?:yet|to|from)|didnt happen this time|(?:返事|返信|回答|連絡)(?:が|は)?(?:まだ|ない|来な|こな|ありません|もら(?:え|って)(?:い)?ない)|\bmeh\b|(?:前|以前|昔)の(?:方|ほう)が(?:見やす|使いやす|良|よ|わかりやす|分かりやす)|まあいいけど|(?:重|遅)くない(?:ですか|\?)|\b(?:its|is|was) (?:fine|ok|okay) i guess/u
      .source,
  ),
  'gu',
);

// Round 16: a hesitation told in the past and over by the end of the message: «他社さんも検討しました
// が、結局こちらに戻ってきました», «最初は他社と迷ってたんですよね。でも今は満足してます». A past
// hesitation without that ending («先月から他社と比較検討しました») is still a concern. Review r16: only a
// hesitation (competitors, weighing, comparing), not a quality or budget concern («期待してたほどでは
// なかったです。でも続けます», «予算が削られました。でも今は何とか続けます»), and nothing left open after
// the ending («結局こちらに戻ってきましたが、正直まだ高いと感じています»).
const hesitation = /他社|迷|悩|検討|比較|考え/u;
const pastAfter = /^(?:た|[ぁ-ん]{0,6}?(?:ました|でした|てた|ていた|った))/u;
const overLater =
  /(?:結局|でも|今は|いまは|今では)[^。!?]{0,16}?(?:満足|戻って|戻りました|こちらに(?:決め|し)|続け(?:ます|る)|気に入|大丈夫|よかった|良かった)/gu;
const openAfterOver = /^(?:が|けど|けれど)|ただ|まだ|正直|(?:わか|分か)りません|不安|心配/u;

/**
 * Where the message's last "over" ending starts, or -1 when it has none or something is left open
 * after it. Read once per message, not once per concern.
 */
function lastOverAt(text: string): number {
  let last: RegExpExecArray | null = null;
  overLater.lastIndex = 0;
  for (let match = overLater.exec(text); match !== null; match = overLater.exec(text)) last = match;
  if (last === null || openAfterOver.test(text.slice(last.index + last[0].length))) return -1;
  return last.index;
}

/**
 * The first borderline concern of normalised text (see {@link atRiskConcern}'s comment) that is not
 * a hesitation told in the past and over, or undefined.
 */
export function findAtRiskConcern(text: string): string | undefined {
  const overAt = lastOverAt(text);
  atRiskConcern.lastIndex = 0;
  for (let match = atRiskConcern.exec(text); match !== null; match = atRiskConcern.exec(text)) {
    const end = match.index + match[0].length;
    const over = overAt >= end && hesitation.test(match[0]) && pastAfter.test(text.slice(end, end + 12));
    if (!over) return match[0];
  }
  return undefined;
}
