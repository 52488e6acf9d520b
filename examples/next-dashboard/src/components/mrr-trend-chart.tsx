'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactAmount } from './compact-amount';

/** One point of the MRR trend: the period's first day and its MRR in major units. */
export interface MrrPoint {
  readonly period: string;
  readonly mrr: number;
}

/** Line chart of MRR per period (Recharts). */
export function MrrTrendChart({
  points,
  title,
  seriesName,
}: {
  readonly points: readonly MrrPoint[];
  readonly title: string;
  readonly seriesName: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="period" />
          <YAxis width={90} tickFormatter={compactAmount} />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="mrr"
            name={seriesName}
            stroke="#1f4fbf"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
