'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One component of a health score: points earned out of the maximum. */
export interface BreakdownBar {
  readonly label: string;
  readonly points: number;
  readonly maxPoints: number;
}

/** Horizontal bars of each health component's points against its maximum (Recharts). */
export function HealthBreakdownChart({
  bars,
  title,
  pointsLabel,
  maximumLabel,
}: {
  readonly bars: readonly BreakdownBar[];
  readonly title: string;
  readonly pointsLabel: string;
  readonly maximumLabel: string;
}) {
  const data = bars.map((bar) => ({
    label: bar.label,
    points: Math.round(bar.points * 10) / 10,
    maximum: Math.round(bar.maxPoints * 10) / 10,
  }));
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" />
          <YAxis type="category" dataKey="label" width={110} />
          <Tooltip />
          <Legend />
          <Bar dataKey="points" name={pointsLabel} fill="#1f4fbf" isAnimationActive={false} />
          <Bar dataKey="maximum" name={maximumLabel} fill="#c7cfdf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
