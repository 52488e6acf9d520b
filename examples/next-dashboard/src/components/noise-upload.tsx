'use client';

import { type FormEvent, useState } from 'react';
import { EventTimelineChart, HourlyLevelChart, SpectrumChart } from './noise-charts';

/** The texts of the noise view in the UI language. */
export interface NoiseTexts {
  readonly file: string;
  readonly areaType: string;
  readonly calibration: string;
  readonly startedAt: string;
  readonly analyse: string;
  readonly analysing: string;
  readonly failed: string;
  readonly summary: string;
  readonly findings: string;
  readonly timeHistory: string;
  readonly hourly: string;
  readonly spectrum: string;
  readonly events: string;
  readonly noEvents: string;
  readonly kind: string;
  readonly start: string;
  readonly night: string;
  readonly standard: string;
  readonly band: string;
  readonly limit: string;
  readonly met: string;
  readonly exceeded: string;
  readonly noStandard: string;
}

/** The part of the API's noise report this view shows. */
interface NoiseAnalysis {
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
 * Upload a WAV recording (through the dashboard's `/api/noise` proxy) and see the report: levels,
 * findings, time history (hourly LAeq and the events), spectrum, events and the 環境基準 comparison.
 */
export function NoiseUpload({ texts }: { readonly texts: NoiseTexts }) {
  const [analysis, setAnalysis] = useState<NoiseAnalysis | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('recording');
    if (!(file instanceof File) || file.size === 0) return;
    const query = new URLSearchParams({
      areaType: String(form.get('areaType') ?? 'A'),
      pascalsPerFullScale: String(form.get('pascalsPerFullScale') ?? '1'),
    });
    const startedAt = String(form.get('startedAt') ?? '');
    if (startedAt !== '') query.set('startedAt', new Date(startedAt).toISOString());
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/noise?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'audio/wav' },
        body: file,
      });
      const payload = (await response.json()) as NoiseAnalysis & { detail?: string };
      if (!response.ok) throw new Error(payload.detail ?? response.statusText);
      setAnalysis(payload);
    } catch (failure) {
      setError(`${texts.failed}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setPending(false);
    }
  }

  const report = analysis?.report;
  return (
    <>
      <section className="card">
        <form className="chat-form" onSubmit={submit}>
          <label>
            {texts.file}
            <input type="file" name="recording" accept=".wav,audio/wav" required />
          </label>
          <label>
            {texts.areaType}
            <select name="areaType" defaultValue="A">
              {['AA', 'A', 'B', 'C'].map((area) => (
                <option key={area} value={area}>
                  {area}
                </option>
              ))}
            </select>
          </label>
          <label>
            {texts.calibration}
            <input type="number" name="pascalsPerFullScale" defaultValue="1" step="any" min="0" required />
          </label>
          <label>
            {texts.startedAt}
            <input type="datetime-local" name="startedAt" />
          </label>
          <button type="submit" disabled={pending}>
            {pending ? texts.analysing : texts.analyse}
          </button>
        </form>
        {error === undefined ? null : (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {report === undefined ? null : (
        <div className="grid" data-testid="noise-report">
          <section className="card wide" aria-labelledby="noise-summary-title">
            <h2 id="noise-summary-title">{texts.summary}</h2>
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
          <section className="card" aria-labelledby="noise-history-title">
            <h2 id="noise-history-title">{texts.timeHistory}</h2>
            <EventTimelineChart title={texts.timeHistory} events={report.events} />
            {report.hourly.length > 0 ? (
              <HourlyLevelChart title={texts.hourly} hours={report.hourly} />
            ) : null}
          </section>
          <section className="card" aria-labelledby="noise-spectrum-title">
            <h2 id="noise-spectrum-title">{texts.spectrum}</h2>
            {report.thirdOctave === null ? (
              <p className="muted">–</p>
            ) : (
              <SpectrumChart title={texts.spectrum} bands={report.thirdOctave} />
            )}
          </section>
          <section className="card" aria-labelledby="noise-events-title">
            <h2 id="noise-events-title">{texts.events}</h2>
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
                        {event.kind} ({Math.round(event.confidence * 100)}%)
                      </td>
                      <td>{decibels(event.lmax)}</td>
                      <td>{event.night === null ? '–' : event.night ? '●' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="noise-standard-title">
            <h2 id="noise-standard-title">{texts.standard}</h2>
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
                        {row.band} {row.date}
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
      )}
    </>
  );
}
