'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One bar: a health status, its label in the UI language and how many accounts have it. */
export interface HealthBar {
  readonly status: 'green' | 'yellow' | 'red';
  readonly label: string;
  readonly count: number;
}

const colors = { green: '#1b7a3a', yellow: '#c98a00', red: '#b42318' } as const;

/** Bar chart of the accounts per health status (Recharts). */
export function HealthDistributionChart({
  bars,
  title,
}: {
  readonly bars: readonly HealthBar[];
  readonly title: string;
}) {
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...bars]} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.status} fill={colors[bar.status]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
