import { KizunaValidationError, parseInput } from '@kizuna/core';
import * as z from 'zod';
import { type FaqEntry, type FaqEntryInput, faqEntrySchema } from './faq-entry';
import { type FaqIndexOptionsInput, faqIndexOptionsSchema } from './faq-index-options';
import { tokenize } from './tokenize';

/** One search result. */
export interface FaqMatch {
  readonly entry: FaqEntry;
  /** The BM25 score (or the re-ranked score), larger is better; not comparable across queries. */
  readonly score: number;
  /** Calibrated probability in [0, 1] that this entry answers the query. The bot answers from the FAQ above 0.9. */
  readonly confidence: number;
}

/** Embeds texts into vectors (the language-model port's `embed`). */
export type EmbedTexts = (texts: readonly string[]) => Promise<readonly (readonly number[])[]>;

/** A searchable FAQ. */
export interface FaqIndex {
  /** Number of entries. */
  readonly size: number;
  /** The best entries for a query, best first (lexical BM25; synchronous). */
  search(query: string, options?: { readonly limit?: number }): readonly FaqMatch[];
  /**
   * BM25 candidates re-ranked by embedding similarity through `embed` (the model port). Without
   * `embed` in the options it is the same as {@link FaqIndex.search}.
   */
  searchWithRerank(query: string, options?: { readonly limit?: number }): Promise<readonly FaqMatch[]>;
}

interface Posting {
  readonly documents: Int32Array;
  readonly frequencies: Float32Array;
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    dot += left[index]! * right[index]!;
    leftNorm += left[index]! ** 2;
    rightNorm += right[index]! ** 2;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/**
 * Builds a FAQ search index: BM25 over normalised text — character bigrams for Japanese, words for
 * English — on each entry's question, alternative questions and tags (tags count half). Search
 * returns the best entries with a confidence calibrated to [0, 1] from how much of the query the
 * entry covers and how far it leads the next one. An optional `embed` function (the language-model
 * port) re-ranks the BM25 candidates by embedding similarity.
 *
 * Cost: building is linear in the text; a search touches only the postings of the query's terms.
 *
 * @throws KizunaValidationError when an entry or an option is invalid, or two entries share an id
 * @example
 * ```ts
 * import { noiseServiceFaq } from '@kizuna/chat/faq-data';
 *
 * const faq = createFaqIndex(noiseServiceFaq);
 * const [best] = faq.search('キャンセル料はかかりますか？');
 * console.log(best?.entry.id); // 'cancel'
 * ```
 */
export function createFaqIndex(
  entries: readonly FaqEntryInput[],
  options: FaqIndexOptionsInput & { readonly embed?: EmbedTexts } = {},
): FaqIndex {
  const { embed, ...rest } = options;
  const settings = parseInput(faqIndexOptionsSchema, rest, 'FAQ index options');
  const documents = parseInput(z.array(faqEntrySchema), entries, 'FAQ entries');
  const seen = new Set<string>();
  documents.forEach((entry, index) => {
    if (seen.has(entry.id))
      throw KizunaValidationError.forField('FAQ entries', `[${index}].id`, `duplicate id "${entry.id}"`);
    seen.add(entry.id);
  });

  const count = documents.length;
  const lengths = new Float32Array(count);
  const building = new Map<string, { documents: number[]; frequencies: number[] }>();
  documents.forEach((entry, documentIndex) => {
    const frequencies = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of tokenize(text)) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
    };
    add(entry.question, 1);
    for (const alternative of entry.alternativeQuestions) add(alternative, 1);
    for (const tag of entry.tags) add(tag, 0.5);
    let length = 0;
    for (const [term, frequency] of frequencies) {
      length += frequency;
      let posting = building.get(term);
      if (posting === undefined) {
        posting = { documents: [], frequencies: [] };
        building.set(term, posting);
      }
      posting.documents.push(documentIndex);
      posting.frequencies.push(frequency);
    }
    lengths[documentIndex] = length;
  });
  const postings = new Map<string, Posting>();
  for (const [term, posting] of building)
    postings.set(term, {
      documents: Int32Array.from(posting.documents),
      frequencies: Float32Array.from(posting.frequencies),
    });
  let totalLength = 0;
  for (const length of lengths) totalLength += length;
  const averageLength = count === 0 ? 1 : totalLength / count;
  const idf = (term: string) => {
    const frequency = postings.get(term)?.documents.length ?? 0;
    return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  };
  // The IDF a term the index has never seen would have: it counts against coverage.
  const unseenIdf = Math.log(1 + (count + 0.5) / 0.5);

  const scores = new Float64Array(count);
  const coverage = new Float64Array(count);
  const { k1, b, calibration } = settings;
  // Terms in more than this share of the entries ("です", "ます") carry almost no information and
  // would make every search touch most of the index: they are left out of scoring and coverage.
  const commonTermLimit = Math.max(8, count * settings.commonTermShare);
  const lengthFactor = new Float64Array(count);
  for (let document = 0; document < count; document += 1)
    lengthFactor[document] = k1 * (1 - b + (b * lengths[document]!) / averageLength);

  function search(query: string, searchOptions: { readonly limit?: number } = {}): FaqMatch[] {
    if (typeof query !== 'string')
      throw KizunaValidationError.forField('FAQ query', 'query', 'expected a string');
    const limit = searchOptions.limit ?? 5;
    const terms = new Map<string, number>();
    for (const term of tokenize(query)) terms.set(term, (terms.get(term) ?? 0) + 1);
    const touched: number[] = [];
    let queryWeight = 0;
    for (const [term, queryFrequency] of terms) {
      const posting = postings.get(term);
      if (posting === undefined) {
        queryWeight += unseenIdf;
        continue;
      }
      if (posting.documents.length > commonTermLimit) continue;
      const weight = idf(term);
      queryWeight += weight;
      const { documents: list, frequencies } = posting;
      for (let index = 0; index < list.length; index += 1) {
        const document = list[index]!;
        const frequency = frequencies[index]!;
        if (scores[document] === 0 && coverage[document] === 0) touched.push(document);
        const normalised = (frequency * (k1 + 1)) / (frequency + lengthFactor[document]!);
        scores[document] = scores[document]! + weight * normalised * queryFrequency;
        coverage[document] = coverage[document]! + weight;
      }
    }
    // Top entries by a linear selection: no sort of every touched entry.
    const keep = Math.max(limit, 2);
    const top: number[] = [];
    const better = (left: number, right: number) =>
      scores[left]! > scores[right]! || (scores[left] === scores[right] && left < right);
    for (const document of touched) {
      if (top.length === keep && !better(document, top[keep - 1]!)) continue;
      let position = top.length === keep ? keep - 1 : top.length;
      while (position > 0 && better(document, top[position - 1]!)) {
        top[position] = top[position - 1]!;
        position -= 1;
      }
      top[position] = document;
    }
    const ranked = top.map((document) => ({
      document,
      score: scores[document]!,
      covered: queryWeight === 0 ? 0 : coverage[document]! / queryWeight,
    }));
    for (const document of touched) {
      scores[document] = 0;
      coverage[document] = 0;
    }
    const best = ranked[0];
    const second = ranked[1];
    return ranked.slice(0, limit).map((item, rank) => {
      const next = rank === 0 ? second : best;
      const margin = next === undefined ? 1 : Math.max(0, (item.score - next.score) / item.score);
      const confidence = sigmoid(
        calibration.intercept + calibration.coverageWeight * item.covered + calibration.marginWeight * margin,
      );
      return { entry: documents[item.document]!, score: item.score, confidence };
    });
  }

  const embeddings = new Map<string, readonly number[]>();
  async function searchWithRerank(query: string, searchOptions: { readonly limit?: number } = {}) {
    const limit = searchOptions.limit ?? 5;
    const candidates = search(query, { limit: Math.max(limit, settings.rerankCandidates) });
    if (embed === undefined || candidates.length === 0) return candidates.slice(0, limit);
    const missing = candidates.filter((candidate) => !embeddings.has(candidate.entry.id));
    const vectors = await embed([query, ...missing.map((candidate) => candidate.entry.question)]);
    missing.forEach((candidate, index) => {
      embeddings.set(candidate.entry.id, vectors[index + 1] ?? []);
    });
    const queryVector = vectors[0] ?? [];
    const top = candidates[0]!.score;
    const weight = settings.rerankWeight;
    return candidates
      .map((candidate) => {
        const similarity = Math.max(0, cosine(queryVector, embeddings.get(candidate.entry.id) ?? []));
        return {
          entry: candidate.entry,
          score: (1 - weight) * (candidate.score / top) + weight * similarity,
          confidence: (1 - weight) * candidate.confidence + weight * similarity,
        };
      })
      .sort((left, right) => right.score - left.score)
      .slice(0, limit);
  }

  return { size: count, search, searchWithRerank };
}
