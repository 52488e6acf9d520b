/**
 * Speed (r18): words that every match of a regular expression contains, read from its source.
 * `requiredLiterals(/返金(?:して)?ください|refund/u)` is `['返金ください', '返金してください',
 * 'refund']`: a text that holds none of them cannot match, so the expression need not run on it
 * (pattern-gate.ts). Worked out from the expression itself, so a rule added later is covered
 * without a hand-written list; when nothing can be proven (an alternative that may match only
 * letters of a class, `.{3}`, or nothing at all) the answer is `undefined` and the expression
 * always runs.
 *
 * Each part of the expression gives the strings it can match exactly, when there are few, and
 * otherwise a set of which each of its matches contains one. Assertions (`^`, `\b`, look-arounds)
 * match nothing and so add nothing; optional parts and classes of many characters give no
 * guarantee; a sequence keeps the better guarantee of its parts; an alternation needs one from
 * every branch.
 */

// More exact strings than this become a guarantee instead (the cross product of a sequence grows).
const mostExact = 64;

interface Part {
  /** Every string the part can match, when known and few. */
  readonly exact?: ReadonlySet<string>;
  /** Strings of which every match of the part contains one, when known. */
  readonly required?: ReadonlySet<string>;
}

const nothing: Part = {};
const empty: Part = { exact: new Set(['']) };

function requiredOf(part: Part): ReadonlySet<string> | undefined {
  if (part.required !== undefined) return part.required;
  if (part.exact === undefined || part.exact.has('')) return undefined;
  return part.exact;
}

const englishByFrequency = 'etaoinshrdlucmfwypvbgkjqxz';
const commonHiragana = new Set('のにはをがてでたしいすまとかるなっ');

/** How rare a character is in customer text, roughly (0 for spaces and punctuation, 30 for kanji). */
export function rarity(character: string): number {
  const letter = englishByFrequency.indexOf(character);
  if (letter >= 0) return letter + 1;
  const code = character.charCodeAt(0);
  if (code < 0x80) return /\d/.test(character) ? 10 : 0;
  if (code >= 0x3041 && code <= 0x309f) return commonHiragana.has(character) ? 2 : 8;
  return 30;
}

/** Fewer and rarer words let fewer texts through: «たい» or «に» costs much, «解除し» little. */
function score(words: ReadonlySet<string> | undefined): number {
  if (words === undefined) return Number.NEGATIVE_INFINITY;
  let cost = 0;
  for (const word of words) {
    let sum = 1;
    for (const character of word) sum += rarity(character);
    cost += 1 / (sum * sum);
  }
  return -cost;
}

function better(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  return score(b) > score(a) ? b : a;
}

/** Runs of exactly known parts are joined (`a`, `b`, `c` → `abc`); the best guarantee of a run or part wins. */
function sequence(parts: readonly Part[]): Part {
  let run: ReadonlySet<string> = new Set(['']);
  let broken = false;
  let best: ReadonlySet<string> | undefined;
  for (const part of parts) {
    if (part.exact !== undefined && run.size * part.exact.size <= mostExact) {
      const joined = new Set<string>();
      for (const left of run) for (const right of part.exact) joined.add(left + right);
      run = joined;
      continue;
    }
    broken = true;
    best = better(best, requiredOf({ exact: run }));
    if (part.exact !== undefined) run = part.exact;
    else {
      best = better(best, requiredOf(part));
      run = new Set(['']);
    }
  }
  if (!broken) return { exact: run };
  const required = better(best, requiredOf({ exact: run }));
  return required === undefined ? nothing : { required };
}

function alternation(branches: readonly Part[]): Part {
  if (branches.length === 1) return branches[0]!;
  if (branches.every((branch) => branch.exact !== undefined)) {
    const exact = new Set<string>();
    for (const branch of branches) for (const word of branch.exact!) exact.add(word);
    if (exact.size <= mostExact) return { exact };
  }
  const required = new Set<string>();
  for (const branch of branches) {
    const words = requiredOf(branch);
    if (words === undefined) return nothing;
    for (const word of words) required.add(word);
  }
  return { required };
}

function repeated(part: Part, least: number, most: number): Part {
  if (least === 1 && most === 1) return part;
  if (least === 0) {
    if (most !== 1 || part.exact === undefined) return nothing;
    return { exact: new Set([...part.exact, '']) };
  }
  const required = requiredOf(part);
  return required === undefined ? nothing : { required };
}

/** Thrown for syntax this reader does not follow; the expression then gets no words. */
const unsupported = new Error('unsupported');

const classEscapes = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const controlEscapes: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  f: '\f',
  v: '\v',
  '0': '\0',
};
// A class of more characters than this gives no guarantee worth having.
const mostClassCharacters = 8;

/** A recursive-descent reader of one expression source (the syntax V8 accepts, without `v`). */
class Reader {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly unicode: boolean,
  ) {}

  read(): Part {
    const part = this.alternation();
    if (this.at < this.source.length) throw unsupported;
    return part;
  }

  private peek(): string | undefined {
    if (this.at >= this.source.length) return undefined;
    if (!this.unicode) return this.source[this.at];
    return String.fromCodePoint(this.source.codePointAt(this.at)!);
  }

  private next(): string {
    const character = this.peek();
    if (character === undefined) throw unsupported;
    this.at += character.length;
    return character;
  }

  private alternation(): Part {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    return alternation(branches);
  }

  private sequence(): Part {
    const parts: Part[] = [];
    for (let character = this.peek(); character !== undefined && character !== '|' && character !== ')'; ) {
      parts.push(this.quantified());
      character = this.peek();
    }
    return sequence(parts);
  }

  private quantified(): Part {
    const atom = this.atom();
    const character = this.peek();
    let least: number;
    let most: number;
    if (character === '*') [least, most] = [0, Number.POSITIVE_INFINITY];
    else if (character === '+') [least, most] = [1, Number.POSITIVE_INFINITY];
    else if (character === '?') [least, most] = [0, 1];
    else if (character === '{') {
      const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (bounds === null) {
        if (this.unicode) throw unsupported;
        return atom;
      }
      least = Number(bounds[1]);
      most =
        bounds[2] === undefined ? least : bounds[3] === '' ? Number.POSITIVE_INFINITY : Number(bounds[3]);
      this.at += bounds[0].length - 1;
    } else return atom;
    this.at += 1;
    if (this.peek() === '?') this.at += 1; // lazy
    return repeated(atom, least, most);
  }

  private atom(): Part {
    const character = this.next();
    if (character === '^' || character === '$') return empty;
    if (character === '.') return nothing;
    if (character === '[') return this.characterClass();
    if (character === '(') return this.group();
    if (character === '\\') return this.escape();
    if (character === ')' || character === '|') throw unsupported;
    return { exact: new Set([character]) };
  }

  private group(): Part {
    const rest = this.source.slice(this.at, this.at + 3);
    let assertion = false;
    if (rest.startsWith('?:')) this.at += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) [this.at, assertion] = [this.at + 2, true];
    else if (rest.startsWith('?<=') || rest.startsWith('?<!')) [this.at, assertion] = [this.at + 3, true];
    else if (rest.startsWith('?<')) {
      const close = this.source.indexOf('>', this.at);
      if (close < 0) throw unsupported;
      this.at = close + 1;
    } else if (rest.startsWith('?')) throw unsupported;
    const inner = this.alternation();
    if (this.next() !== ')') throw unsupported;
    // An assertion is read through, but what it looks at is not part of the match.
    return assertion ? empty : inner;
  }

  private escape(): Part {
    const character = this.next();
    if (character === 'b' || character === 'B') return empty;
    // A class (\d, \s, \w) matches one character of many.
    if (classEscapes.has(character)) return nothing;
    return { exact: new Set([this.escapedCharacter(character)]) };
  }

  /** The character an escape other than a class or an assertion stands for (after the backslash). */
  private escapedCharacter(character: string): string {
    if (character === '0' && /\d/.test(this.peek() ?? '')) throw unsupported;
    const control = controlEscapes[character];
    if (control !== undefined) return control;
    // \x, \u, \p, back references and the like: not used by the rules, and so not read.
    if (/[0-9a-zA-Z]/.test(character)) throw unsupported;
    return character;
  }

  /** A class of a few listed characters is the set of them; anything else gives no guarantee. */
  private characterClass(): Part {
    const characters = new Set<string>();
    let known = this.peek() !== '^';
    if (!known) this.at += 1;
    let previous: string | undefined;
    for (;;) {
      const character = this.next();
      if (character === ']') break;
      let member: string | undefined;
      if (character === '\\') {
        const escaped = this.next();
        if (classEscapes.has(escaped)) known = false;
        else if (escaped === 'b') member = '\b';
        else if (escaped === '-') member = '-';
        else member = this.escapedCharacter(escaped);
      } else if (character === '-' && previous !== undefined && this.peek() !== ']') {
        let last = this.next();
        if (last === '\\') last = this.escapedCharacter(this.next());
        const from = previous.codePointAt(0)!;
        const to = last.codePointAt(0)!;
        if (to - from > mostClassCharacters) known = false;
        else for (let code = from; code <= to; code += 1) characters.add(String.fromCodePoint(code));
        previous = undefined;
        continue;
      } else member = character;
      if (member !== undefined) characters.add(member);
      previous = member;
    }
    if (!known || characters.size === 0 || characters.size > mostClassCharacters) return nothing;
    return { exact: characters };
  }
}

/**
 * Strings of which every match of `pattern` contains at least one, or `undefined` when the source
 * proves none (see the file comment). Never wrong in the other direction: a text without any of them
 * has no match. Expressions with the flags `i` or `v` are not read (`undefined`).
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  if (pattern.flags.includes('i') || pattern.flags.includes('v')) return undefined;
  try {
    const words = requiredOf(new Reader(pattern.source, pattern.flags.includes('u')).read());
    return words === undefined ? undefined : [...words];
  } catch (error) {
    if (error === unsupported) return undefined;
    throw error;
  }
}
