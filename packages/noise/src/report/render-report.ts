import { formatLevel } from '../levels/decibels';
import { formatDuration, formatLocalTime } from './format-time';
import type { NoiseReportData } from './noise-report-data';

const kindNames: Record<string, string> = {
  footsteps: 'footsteps / impact',
  voices: 'voices',
  'music-tv': 'music / TV',
  'equipment-hum': 'equipment hum',
  traffic: 'traffic',
  unknown: 'unclassified',
};

/** A table as rows of cells; the first row is the header. */
type Table = readonly (readonly string[])[];

interface Section {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly items?: readonly string[];
  readonly table?: Table;
  /** A chart placeholder name, filled in by the HTML renderer. */
  readonly chart?: 'history' | 'spectrum';
}

function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

/** The report's content as sections, shared by the Markdown and HTML renderers. */
export function reportSections(data: NoiseReportData): readonly Section[] {
  const { measurement, summary } = data;
  const sections: Section[] = [];
  sections.push({
    heading: 'What was measured',
    items: [
      `Source: ${measurement.source}${data.location ? ` at ${data.location}` : ''}`,
      `Period: ${measurement.start ?? 'start time unknown'}${measurement.end ? ` – ${measurement.end}` : ''} (${measurement.timeZone}), ${formatDuration(measurement.durationSeconds)}`,
      `Area type for the environmental standard: ${data.areaType} (day ${data.limits.day} dB, night ${data.limits.night} dB LAeq)`,
    ],
  });
  sections.push({
    heading: 'How it was measured',
    items: [...measurement.method, `Calibration: ${measurement.calibration}`],
  });
  sections.push({
    heading: 'Findings',
    items: data.findings.length > 0 ? data.findings : ['Nothing exceeded the standard.'],
  });
  sections.push({
    heading: 'Overall levels',
    table: [
      ['Quantity', 'dB'],
      ['LAeq', formatLevel(summary.laeq)],
      ...(summary.lceq === null ? [] : [['LCeq', formatLevel(summary.lceq)]]),
      ...(summary.lzeq === null ? [] : [['LZeq', formatLevel(summary.lzeq)]]),
      [measurement.source === 'recording' ? 'LAFmax' : 'Lmax', formatLevel(summary.lmax)],
      [measurement.source === 'recording' ? 'LAFmin' : 'Lmin', formatLevel(summary.lmin)],
      ['LA5', formatLevel(summary.percentiles.l5)],
      ['LA10', formatLevel(summary.percentiles.l10)],
      ['LA50', formatLevel(summary.percentiles.l50)],
      ['LA90 (background)', formatLevel(summary.percentiles.l90)],
      ['LA95', formatLevel(summary.percentiles.l95)],
      ['LAE (SEL)', formatLevel(summary.sel)],
    ],
    chart: 'history',
  });
  if (data.standard.length > 0) {
    sections.push({
      heading: 'Environmental quality standard (環境基準)',
      table: [
        ['Band', 'Date', 'Measured', 'LAeq', 'Limit', 'Result'],
        ...data.standard.map((comparison) => [
          comparison.band,
          comparison.date,
          `${Math.round(comparison.coverage * 100)} %`,
          formatLevel(comparison.laeq),
          String(comparison.limit),
          comparison.met ? 'met' : `exceeded by ${comparison.exceedanceDecibels.toFixed(1)} dB`,
        ]),
      ],
    });
  }
  if (data.regulation.length > 0) {
    sections.push({
      heading: 'Noise Regulation Act bands (騒音規制法, LA5)',
      table: [
        ['Band', 'Date', 'Duration', 'LA5', 'LAeq', 'Lmax', 'Limit (LA5)', 'Result'],
        ...data.regulation.map((stretch) => {
          const comparison = data.regulationComparisons.find(
            (candidate) => candidate.band === stretch.band && candidate.date === stretch.date,
          );
          return [
            stretch.band,
            stretch.date,
            formatDuration(stretch.durationSeconds),
            formatLevel(stretch.la5),
            formatLevel(stretch.laeq),
            formatLevel(stretch.lmax),
            comparison === undefined ? '—' : String(comparison.limit),
            comparison === undefined
              ? '—'
              : comparison.met
                ? 'met'
                : `exceeded by ${comparison.exceedanceDecibels.toFixed(1)} dB`,
          ];
        }),
      ],
    });
  }
  if (data.hourly.length > 0) {
    sections.push({
      heading: 'Levels per hour',
      table: [
        ['Hour (local)', 'Duration', 'LAeq', 'Lmax'],
        ...data.hourly.map((hour) => [
          `${hour.localHour.replace('T', ' ')}:00`,
          formatDuration(hour.durationSeconds),
          formatLevel(hour.laeq),
          formatLevel(hour.lmax),
        ]),
      ],
    });
  }
  sections.push({
    heading: 'Noise events',
    paragraphs: [
      data.events.length === 0
        ? 'No event rose above the detection threshold.'
        : `${data.events.length} event(s) rose above the background; the kind is an automatic estimate with its confidence.`,
    ],
    ...(data.events.length === 0
      ? {}
      : {
          table: [
            [
              'Event',
              'Start',
              'Duration',
              'LAeq',
              'Lmax',
              'SEL',
              'Kind (confidence)',
              'Night',
              'Low frequency',
              'Diary',
            ],
            ...data.events.map((event) => [
              event.id,
              event.start,
              formatDuration(event.durationSeconds),
              formatLevel(event.laeq),
              formatLevel(event.lmax),
              formatLevel(event.sel),
              `${kindNames[event.kind] ?? event.kind} (${Math.round(event.confidence * 100)} %)`,
              yesNo(event.night),
              event.lowFrequency ? 'yes' : 'no',
              event.diaryNotes.join('; '),
            ]),
          ],
        }),
  });
  if (data.diary.length > 0) {
    sections.push({
      heading: 'Diary entries',
      table: [
        ['Time (local)', 'Note', 'Nearest event', 'Other events within the tolerance'],
        ...data.diary.map((match) => [
          formatLocalTime(match.entry.time, data.measurement.timeZone),
          match.entry.note,
          match.eventIds[0] ?? 'none found',
          match.eventIds.slice(1).join(', '),
        ]),
      ],
    });
  }
  if (data.thirdOctave !== null) {
    sections.push({
      heading: '1/3-octave spectrum (LZeq per band)',
      table: [
        ['Band (Hz)', ...data.thirdOctave.map((band) => String(band.nominalHz))],
        ['dB', ...data.thirdOctave.map((band) => formatLevel(band.leq))],
      ],
      chart: 'spectrum',
    });
  }
  sections.push({
    heading: 'Limits of this measurement',
    items: [...data.warnings.map((warning) => `⚠ ${warning.message}`), ...data.limitations],
  });
  return sections;
}

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders the report data as Markdown. */
export function renderMarkdown(data: NoiseReportData): string {
  const lines = [`# ${data.title}`, ''];
  for (const section of reportSections(data)) {
    lines.push(`## ${section.heading}`, '');
    for (const paragraph of section.paragraphs ?? []) lines.push(paragraph, '');
    for (const item of section.items ?? []) lines.push(`- ${item}`);
    if (section.items) lines.push('');
    if (section.table) {
      const [header, ...rows] = section.table;
      lines.push(
        `| ${header!.map(escapeMarkdown).join(' | ')} |`,
        `| ${header!.map(() => '---').join(' | ')} |`,
      );
      for (const row of rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Renders the report data as a standalone HTML page with the given SVG charts. */
export function renderHtml(
  data: NoiseReportData,
  charts: { readonly history: string; readonly spectrum: string | null },
): string {
  const body: string[] = [`<h1>${escapeHtml(data.title)}</h1>`];
  for (const section of reportSections(data)) {
    body.push(`<section><h2>${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs ?? []) body.push(`<p>${escapeHtml(paragraph)}</p>`);
    if (section.items)
      body.push(`<ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    if (section.chart === 'history')
      body.push(
        `<figure>${charts.history}<figcaption>LAeq over the measurement (energy mean per chart column); shaded: events; dashed: 環境基準 limits.</figcaption></figure>`,
      );
    if (section.chart === 'spectrum' && charts.spectrum)
      body.push(
        `<figure>${charts.spectrum}<figcaption>1/3-octave band levels (Z-weighted Leq) over the measurement.</figcaption></figure>`,
      );
    if (section.table) {
      const [header, ...rows] = section.table;
      body.push(
        `<div class="table"><table><thead><tr>${header!.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`,
      );
    }
    body.push('</section>');
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(data.title)}</title><style>body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}th{background:#f4f4f4}figure{margin:1rem 0}.table{overflow-x:auto}svg{width:100%;height:auto}figcaption{font-size:.85rem;color:#555}</style></head><body>${body.join('\n')}</body></html>\n`;
}
