'use client';

import { type FormEvent, useState } from 'react';
import type { Language } from '../i18n/language';
import { type NoiseAnalysis, NoiseReportView } from './noise-report-view';

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

/**
 * Upload a WAV recording (through the dashboard's `/api/noise` proxy) and see the report: levels,
 * findings, time history (hourly LAeq and the events), spectrum, events and the 環境基準 comparison.
 */
export function NoiseUpload({
  texts,
  language,
}: {
  readonly texts: NoiseTexts;
  readonly language: Language;
}) {
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
      {analysis === undefined ? null : (
        <NoiseReportView analysis={analysis} texts={texts} language={language} />
      )}
    </>
  );
}
