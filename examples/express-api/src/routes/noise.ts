import { instantSchema } from '@kizuna/core';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { notImplemented } from './not-implemented';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Noise analysis of an uploaded WAV recording, with its measurement report. */
export function noiseRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/noise/analyses',
      operationId: 'analyzeNoiseRecording',
      summary: 'Analyse a WAV recording: levels, events, standards, report',
      tag: 'noise',
      scope: 'write',
      usesStore: false,
      notImplemented: true,
      query: z.object({
        startedAt: instantSchema
          .optional()
          .meta({ description: 'When the recording started (for day/night bands).' }),
        pascalsPerFullScale: z.coerce
          .number()
          .positive()
          .optional()
          .meta({ description: 'Calibration: pascals at digital full scale.' }),
      }),
      body: {
        kind: 'binary',
        contentTypes: ['audio/wav', 'audio/x-wav', 'audio/wave', 'application/octet-stream'],
        maxBytes: context.audioBodyLimitBytes,
        description: 'A PCM or float WAV file.',
      },
      responses: {
        200: { description: 'The analysis and its report', schema: z.record(z.string(), z.unknown()) },
      },
      handle: () =>
        notImplemented(
          'Noise analysis of a WAV upload',
          "@kizuna/noise's WAV reader and measurement report have not landed yet.",
        ),
    }),
  ];
}
