'use client';

import { noiseText } from '../i18n/engine-text';
import type { Language } from '../i18n/language';
import { EventTimelineChart, HourlyLevelChart, SpectrumChart } from './noise-charts';
import type { NoiseTexts } from './noise-upload';

/** The part of the API's noise report this view shows. */
export interface NoiseAnalysis {
  readonly recording: { readonly durationSeconds: number; readonly sampleRate: number };
  readonly report: {
    readonly summary: {
      readonly laeq: number;
      readonly lmax: number;
      readonly lmin: number;
      readonly sel: number;
    };
    readonly findings: readonly string[];
    readonly hourly: readonly { readonly localHour: string; readonly laeq: number }[];
    readonly events: readonly {
      readonly id: string;
      readonly start: string;
      readonly startOffsetSeconds: number;
      readonly durationSeconds: number;
      readonly lmax: number;
      readonly laeq: number;
      readonly kind: string;
      readonly confidence: number;
      readonly night: boolean | null;
    }[];
    readonly thirdOctave: readonly { readonly nominalHz: number; readonly leq: number }[] | null;
    readonly standard: readonly {
      readonly band: string;
      readonly date: string;
      readonly limit: number;
      readonly laeq: number;
      readonly met: boolean;
      readonly exceedanceDecibels: number;
    }[];
  };
}

const decibels = (value: number) => `${value.toFixed(1)} dB`;

/**
 * The measurement report of an analysed recording: levels and findings, time history (event
 * maxima and hourly LAeq), 1/3-octave spectrum, events with their kind, and the 環境基準 comparison.
 */
export function NoiseReportView({
  analysis,
  texts,
  language,
  testId = 'noise-report',
}: {
  readonly analysis: NoiseAnalysis;
  readonly texts: NoiseTexts;
  readonly language: Language;
  readonly testId?: string;
}) {
  const report = analysis.report;
  return (
    <div className="grid" data-testid={testId}>
      <section className="card wide" aria-labelledby={`${testId}-summary-title`}>
        <h2 id={`${testId}-summary-title`}>{texts.summary}</h2>
        <div className="figure-row">
          <div className="figure">
            <span className="value" data-testid="laeq">
              {decibels(report.summary.laeq)}
            </span>
            <span className="label">LAeq</span>
          </div>
          <div className="figure">
            <span className="value">{decibels(report.summary.lmax)}</span>
            <span className="label">LAFmax</span>
          </div>
          <div className="figure">
            <span className="value">{decibels(report.summary.lmin)}</span>
            <span className="label">LAFmin</span>
          </div>
          <div className="figure">
            <span className="value">{decibels(report.summary.sel)}</span>
            <span className="label">SEL</span>
          </div>
        </div>
        <h3>{texts.findings}</h3>
        <ul>
          {report.findings.map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby={`${testId}-history-title`}>
        <h2 id={`${testId}-history-title`}>{texts.timeHistory}</h2>
        <EventTimelineChart title={texts.timeHistory} events={report.events} />
        {report.hourly.length > 0 ? <HourlyLevelChart title={texts.hourly} hours={report.hourly} /> : null}
      </section>
      <section className="card" aria-labelledby={`${testId}-spectrum-title`}>
        <h2 id={`${testId}-spectrum-title`}>{texts.spectrum}</h2>
        {report.thirdOctave === null ? (
          <p className="muted">–</p>
        ) : (
          <SpectrumChart title={texts.spectrum} bands={report.thirdOctave} />
        )}
      </section>
      <section className="card" aria-labelledby={`${testId}-events-title`}>
        <h2 id={`${testId}-events-title`}>{texts.events}</h2>
        {report.events.length === 0 ? (
          <p className="muted">{texts.noEvents}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">{texts.start}</th>
                <th scope="col">{texts.kind}</th>
                <th scope="col">LAFmax</th>
                <th scope="col">{texts.night}</th>
              </tr>
            </thead>
            <tbody>
              {report.events.map((event) => (
                <tr key={event.id} data-event={event.id}>
                  <td>{event.id}</td>
                  <td>{event.start}</td>
                  <td>
                    {noiseText(event.kind, language)} ({Math.round(event.confidence * 100)}%)
                  </td>
                  <td>{decibels(event.lmax)}</td>
                  <td>{event.night === null ? '–' : event.night ? '●' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby={`${testId}-standard-title`}>
        <h2 id={`${testId}-standard-title`}>{texts.standard}</h2>
        {report.standard.length === 0 ? (
          <p className="muted">{texts.noStandard}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{texts.band}</th>
                <th scope="col">LAeq</th>
                <th scope="col">{texts.limit}</th>
                <th scope="col">{texts.met}</th>
              </tr>
            </thead>
            <tbody>
              {report.standard.map((row) => (
                <tr key={`${row.band}-${row.date}`}>
                  <td>
                    {noiseText(row.band, language)} {row.date}
                  </td>
                  <td>{decibels(row.laeq)}</td>
                  <td>{decibels(row.limit)}</td>
                  <td>
                    {row.met ? texts.met : `${texts.exceeded} +${row.exceedanceDecibels.toFixed(1)} dB`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
