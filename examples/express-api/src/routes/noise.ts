import { instantSchema } from '@kizuna/core';
import { areaTypeSchema, buildNoiseReport, readWav } from '@kizuna/noise';
import * as z from 'zod';
import { analyzeWithoutBlocking } from '../analyze-without-blocking';
import type { ApiContext } from '../api-context';
import { ApiProblem } from '../problem-details';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Report pages are self-contained: no scripts, styles inline, charts as inline SVG. */
const reportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const analysisQuerySchema = z.object({
  areaType: areaTypeSchema.meta({
    description: 'The 環境基準 area type of the place measured (AA, A, B, C, ...).',
  }),
  pascalsPerFullScale: z.coerce
    .number()
    .positive()
    .meta({ description: 'Calibration: the sound pressure (Pa) a full-scale sample stands for.' }),
  startedAt: instantSchema
    .optional()
    .meta({ description: 'When the recording started (ISO-8601 UTC); needed for day/night bands.' }),
  channel: z.coerce
    .number()
    .int()
    .min(0)
    .max(63)
    .default(0)
    .meta({ description: 'Channel to analyse, 0-based.' }),
  location: z.string().max(500).optional().meta({ description: 'Where it was measured, for the report.' }),
  format: z.enum(['json', 'html', 'markdown']).default('json').meta({
    description:
      'json: the report data and its Markdown; html: the standalone report page; markdown: the text.',
  }),
});

/** Noise analysis of an uploaded WAV recording, with its measurement report. */
export function noiseRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/noise/analyses',
      operationId: 'analyzeNoiseRecording',
      summary: 'Analyse a WAV recording: levels, events, standards, report',
      description:
        'A-weighted levels (LAeq, LAFmax, L5…L95), 1/3-octave spectrum, events found and classified, night and low-frequency flags, the comparison with 環境基準 and 騒音規制法, and the measurement report. Nothing is stored. The body is the WAV file itself (16/24/32-bit PCM or float).',
      tag: 'noise',
      scope: 'write',
      usesStore: false,
      query: analysisQuerySchema,
      body: {
        kind: 'binary',
        contentTypes: ['audio/wav', 'audio/x-wav', 'audio/wave', 'application/octet-stream'],
        maxBytes: context.audioBodyLimitBytes,
        description: 'A PCM or float WAV file.',
      },
      responses: {
        200: {
          description: 'The report (JSON by default; HTML or Markdown with `format`)',
          schema: z.object({
            recording: z.object({
              sampleRate: z.number(),
              channelCount: z.number(),
              channel: z.number(),
              durationSeconds: z.number(),
            }),
            report: z.record(z.string(), z.unknown()),
            markdown: z.string(),
          }),
        },
      },
      handle: async ({ query, body, response }) => {
        const bytes = body as unknown;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0)
          throw new ApiProblem('VALIDATION_FAILED', 'Send the WAV file as the request body.', {
            fieldProblems: [{ path: 'body', message: 'expected a WAV file' }],
          });
        const recording = readWav(bytes, { channel: query.channel });
        const analysis = await analyzeWithoutBlocking(recording.samples, {
          sampleRate: recording.sampleRate,
          unit: 'full-scale',
          calibration: { pascalsPerFullScale: query.pascalsPerFullScale },
          timeZone: context.timeZone,
          ...(query.startedAt === undefined ? {} : { startTime: query.startedAt }),
        });
        const report = buildNoiseReport(analysis, {
          areaType: query.areaType,
          ...(query.location === undefined ? {} : { location: query.location }),
        });
        if (query.format === 'html') {
          response.setHeader('Content-Security-Policy', reportContentSecurityPolicy);
          response.type('text/html; charset=utf-8').send(report.html);
          return undefined;
        }
        if (query.format === 'markdown') {
          response.type('text/markdown; charset=utf-8').send(report.markdown);
          return undefined;
        }
        return {
          body: {
            recording: {
              sampleRate: recording.sampleRate,
              channelCount: recording.channelCount,
              channel: recording.channel,
              durationSeconds: recording.durationSeconds,
            },
            report: report.data,
            markdown: report.markdown,
          },
        };
      },
    }),
  ];
}
