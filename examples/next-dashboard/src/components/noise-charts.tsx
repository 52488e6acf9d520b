'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';

/** The 1/3-octave spectrum: Leq per band (Recharts). */
export function SpectrumChart({
  bands,
  title,
}: {
  readonly bands: readonly { readonly nominalHz: number; readonly leq: number }[];
  readonly title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={bands.map((band) => ({ hertz: band.nominalHz, leq: Math.round(band.leq * 10) / 10 }))}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="hertz" />
          <YAxis unit=" dB" width={70} />
          <Tooltip />
          <Line dataKey="leq" name="Leq" stroke="#1f4fbf" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The time history as events: LAFmax of each event at its offset in the recording (Recharts). */
export function EventTimelineChart({
  events,
  title,
}: {
  readonly events: readonly {
    readonly startOffsetSeconds: number;
    readonly lmax: number;
    readonly durationSeconds: number;
  }[];
  readonly title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="seconds" name="s" unit=" s" />
          <YAxis type="number" dataKey="lmax" name="LAFmax" unit=" dB" width={70} domain={['auto', 'auto']} />
          <ZAxis type="number" dataKey="duration" range={[40, 200]} />
          <Tooltip />
          <Scatter
            data={events.map((event) => ({
              seconds: Math.round(event.startOffsetSeconds * 10) / 10,
              lmax: Math.round(event.lmax * 10) / 10,
              duration: event.durationSeconds,
            }))}
            fill="#b42318"
            isAnimationActive={false}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** LAeq per hour of the recording (Recharts). */
export function HourlyLevelChart({
  hours,
  title,
}: {
  readonly hours: readonly { readonly localHour: string; readonly laeq: number }[];
  readonly title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={hours.map((hour) => ({
            hour: hour.localHour.slice(11),
            laeq: Math.round(hour.laeq * 10) / 10,
          }))}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" />
          <YAxis unit=" dB" width={70} />
          <Tooltip />
          <Bar dataKey="laeq" name="LAeq" fill="#1f4fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
