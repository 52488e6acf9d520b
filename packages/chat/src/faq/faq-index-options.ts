import * as z from 'zod';

/** Options of {@link createFaqIndex}. */
export const faqIndexOptionsSchema = z.object({
  /** BM25 term-frequency saturation. @defaultValue 1.2 */
  k1: z.number().positive().default(1.2),
  /** BM25 length normalisation (0 none, 1 full). @defaultValue 0.75 */
  b: z.number().min(0).max(1).default(0.75),
  /**
   * Logistic calibration of the confidence from two features of the best match: `coverage` (the
   * IDF-weighted share of the query's terms that the entry contains) and `margin` (how far its score
   * is ahead of the second entry, relative to its own). confidence = σ(intercept + coverage ×
   * coverageWeight + margin × marginWeight). The defaults are a logistic regression fitted on the
   * 60 labelled queries of `faqCalibrationSet` (`@kizuna/chat/evaluation`) against the shipped noise-service FAQ; refit them for
   * your own FAQ (checked in `create-faq-index.test.ts`).
   */
  calibration: z
    .object({
      /** @defaultValue -2.74 */
      intercept: z.number().default(-2.74),
      /** @defaultValue 4.8 */
      coverageWeight: z.number().default(4.8),
      /** @defaultValue 2.6 */
      marginWeight: z.number().default(2.6),
    })
    .prefault({}),
  /**
   * Terms found in more than this share of the entries are ignored (stop terms such as "です");
   * never below 8 entries, so small FAQs keep every term. @defaultValue 0.2
   */
  commonTermShare: z.number().gt(0).max(1).default(0.2),
  /** Candidates taken from BM25 for the embedding re-rank. @defaultValue 10 */
  rerankCandidates: z.number().int().positive().default(10),
  /** Weight of the embedding similarity in the re-ranked score (the rest is BM25). @defaultValue 0.5 */
  rerankWeight: z.number().min(0).max(1).default(0.5),
});

/** FAQ index options as you may write them. */
export type FaqIndexOptionsInput = z.input<typeof faqIndexOptionsSchema>;
