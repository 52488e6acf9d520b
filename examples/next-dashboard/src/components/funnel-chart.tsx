'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One funnel stage and whether it is the bottleneck. */
export interface FunnelBar {
  readonly stage: string;
  readonly count: number;
  readonly bottleneck: boolean;
}

/** Horizontal bars of the funnel stages, the bottleneck in red (Recharts). */
export function FunnelChart({
  bars,
  title,
}: {
  readonly bars: readonly FunnelBar[];
  readonly title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...bars]} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="stage" width={150} />
          <Tooltip />
          <Bar dataKey="count" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.stage} fill={bar.bottleneck ? '#b42318' : '#1f4fbf'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
