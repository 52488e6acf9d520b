import { NoiseReportView } from '../../src/components/noise-report-view';
import { NoiseUpload } from '../../src/components/noise-upload';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { formatDateTime } from '../../src/format/formatting';
import { currentDictionary } from '../../src/i18n/language';
import { loadExampleRecording } from '../../src/views/example-recording';

/** Noise: the ready example report (the demo's night recording), and upload a WAV to see its report. */
export default async function NoisePage() {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.noise;
  const example = await loadExampleRecording();
  return (
    <>
      <h1>{text.title}</h1>
      {example === undefined ? null : (
        <section className="card wide" aria-labelledby="example-title" data-testid="example-recording">
          <h2 id="example-title">{text.exampleTitle}</h2>
          <p className="muted">
            {text.exampleDescription}
            {example.description.location === undefined ? null : ` ${example.description.location}`}
            {example.description.startedAt === ''
              ? null
              : ` · ${formatDateTime(example.description.startedAt, language)}`}
          </p>
          {example.analysis.kind === 'ok' ? (
            <NoiseReportView
              analysis={example.analysis.data}
              texts={text.upload}
              language={language}
              testId="example-report"
            />
          ) : (
            <UnavailableNotice result={example.analysis} dictionary={dictionary} />
          )}
        </section>
      )}
      <h2>{text.uploadTitle}</h2>
      <NoiseUpload texts={text.upload} language={language} />
    </>
  );
}
