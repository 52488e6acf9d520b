import type { ThirdOctaveLevel } from '../events/describe-events';

/** A horizontal reference line on the time-history chart (a limit). */
export interface ChartLimit {
  readonly label: string;
  readonly level: number;
}

/** A shaded stretch on the time-history chart (an event). */
export interface ChartMarker {
  readonly label: string;
  readonly startSeconds: number;
  readonly durationSeconds: number;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const width = 800;
const height = 260;
const left = 48;
const right = 12;
const top = 14;
const bottom = 34;

function levelRange(levels: readonly number[], extra: readonly number[]): { low: number; high: number } {
  const finite = [...levels, ...extra].filter(Number.isFinite);
  if (finite.length === 0) return { low: 0, high: 100 };
  const low = Math.floor(Math.min(...finite) / 10) * 10;
  const high = Math.ceil((Math.max(...finite) + 1) / 10) * 10;
  return { low, high: Math.max(high, low + 10) };
}

function gridLines(low: number, high: number, toY: (level: number) => number): string {
  let lines = '';
  for (let level = low; level <= high; level += 10) {
    const y = toY(level).toFixed(1);
    lines += `<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#ddd"/>`;
    lines += `<text x="${left - 6}" y="${y}" font-size="11" text-anchor="end" dominant-baseline="middle">${level}</text>`;
  }
  return lines;
}

/**
 * An SVG line chart of a level history (dB against time), with limits as dashed lines and events as
 * shaded stretches. Long histories are reduced to one energy-mean point per pixel column.
 *
 * @param levels - equally spaced levels, dB
 * @param intervalSeconds - spacing of `levels`, s
 */
export function timeHistoryChart(
  levels: ArrayLike<number>,
  intervalSeconds: number,
  options: {
    readonly title: string;
    readonly limits?: readonly ChartLimit[];
    readonly markers?: readonly ChartMarker[];
  },
): string {
  const columns = Math.min(levels.length, width - left - right);
  const perColumn = levels.length / Math.max(1, columns);
  const reduced: number[] = [];
  for (let column = 0; column < columns; column += 1) {
    const from = Math.floor(column * perColumn);
    const to = Math.max(from + 1, Math.floor((column + 1) * perColumn));
    let energy = 0;
    for (let index = from; index < to; index += 1) energy += 10 ** (levels[index]! / 10);
    reduced.push(10 * Math.log10(energy / (to - from)));
  }
  const limits = options.limits ?? [];
  const { low, high } = levelRange(
    reduced,
    limits.map((limit) => limit.level),
  );
  const totalSeconds = levels.length * intervalSeconds;
  const toX = (seconds: number) => left + (seconds / Math.max(totalSeconds, 1e-9)) * (width - left - right);
  const toY = (level: number) =>
    top + ((high - Math.max(low, Math.min(high, level))) / (high - low)) * (height - top - bottom);
  const points = reduced
    .map(
      (level, column) =>
        `${toX(((column + 0.5) * totalSeconds) / columns).toFixed(1)},${toY(Number.isFinite(level) ? level : low).toFixed(1)}`,
    )
    .join(' ');
  const markers = (options.markers ?? [])
    .map((marker) => {
      const x = toX(marker.startSeconds);
      const markerWidth = Math.max(1.5, toX(marker.startSeconds + marker.durationSeconds) - x);
      return `<rect x="${x.toFixed(1)}" y="${top}" width="${markerWidth.toFixed(1)}" height="${height - top - bottom}" fill="#f5a623" opacity="0.25"><title>${escapeXml(marker.label)}</title></rect><text x="${x.toFixed(1)}" y="${top + 10}" font-size="10">${escapeXml(marker.label)}</text>`;
    })
    .join('');
  const limitLines = limits
    .map((limit) => {
      const y = toY(limit.level).toFixed(1);
      return `<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#d0021b" stroke-dasharray="6 4"/><text x="${width - right - 4}" y="${(Number(y) - 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#d0021b">${escapeXml(limit.label)}</text>`;
    })
    .join('');
  const timeLabels = [0, 0.25, 0.5, 0.75, 1]
    .map((share) => {
      const seconds = share * totalSeconds;
      const label =
        totalSeconds >= 3600
          ? `${(seconds / 3600).toFixed(1)} h`
          : totalSeconds >= 120
            ? `${(seconds / 60).toFixed(0)} min`
            : `${seconds.toFixed(0)} s`;
      const anchor = share === 0 ? 'start' : share === 1 ? 'end' : 'middle';
      return `<text x="${toX(seconds).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="${anchor}">${label}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}"><title>${escapeXml(options.title)}</title>${gridLines(low, high, toY)}${markers}${limitLines}<polyline fill="none" stroke="#2a6fdb" stroke-width="1.2" points="${points}"/>${timeLabels}<text x="12" y="${(height - bottom) / 2}" font-size="11" transform="rotate(-90 12 ${(height - bottom) / 2})" text-anchor="middle">dB</text></svg>`;
}

/** An SVG bar chart of 1/3-octave band levels (dB against frequency). */
export function spectrumChart(
  bands: readonly ThirdOctaveLevel[],
  options: { readonly title: string },
): string {
  const { low, high } = levelRange(
    bands.map((band) => band.leq),
    [],
  );
  const barWidth = (width - left - right) / Math.max(1, bands.length);
  const toY = (level: number) =>
    top + ((high - Math.max(low, Math.min(high, level))) / (high - low)) * (height - top - bottom);
  const bars = bands
    .map((band, index) => {
      const x = left + index * barWidth;
      const y = toY(Number.isFinite(band.leq) ? band.leq : low);
      const label = band.nominalHz >= 1000 ? `${band.nominalHz / 1000}k` : String(band.nominalHz);
      return `<rect x="${(x + 1).toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(height - bottom - y).toFixed(1)}" fill="#2a6fdb"><title>${label} Hz: ${Number.isFinite(band.leq) ? band.leq.toFixed(1) : 'below range'} dB</title></rect>${index % 3 === 0 ? `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${label}</text>` : ''}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}"><title>${escapeXml(options.title)}</title>${gridLines(low, high, toY)}${bars}<text x="${width / 2}" y="${height - 4}" font-size="11" text-anchor="middle">Hz (1/3-octave band centre)</text></svg>`;
}
