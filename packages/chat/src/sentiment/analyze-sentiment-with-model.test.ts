import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../model/create-offline-model';
import { analyzeSentimentWithModel } from './analyze-sentiment-with-model';

describe('analyzeSentimentWithModel', () => {
  it('uses the model when it answers validly', async () => {
    const model = createOfflineModel({ responder: () => ({ label: 'POSITIVE', score: 0.7 }) });
    expect(await analyzeSentimentWithModel('まあまあでした', { model })).toMatchObject({
      label: 'POSITIVE',
      score: 0.7,
      source: 'model',
    });
  });

  it('falls back to the lexicon when the model answers invalid output', async () => {
    const model = createOfflineModel({ responder: () => ({ label: 'ANGRY', score: 3 }) });
    expect(await analyzeSentimentWithModel('最悪の対応でした', { model })).toMatchObject({
      label: 'NEGATIVE',
      source: 'lexicon',
    });
  });
});
