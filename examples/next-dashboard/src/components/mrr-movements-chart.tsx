'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { compactAmount } from './compact-amount';

/** One period's MRR movements (contraction and churn negative). */
export interface MovementBar {
  readonly period: string;
  readonly newMrr: number;
  readonly expansion: number;
  readonly reactivation: number;
  readonly contraction: number;
  readonly churn: number;
}

/** Stacked bars of MRR movements per period (Recharts). */
export function MrrMovementsChart({
  bars,
  title,
  names,
}: {
  readonly bars: readonly MovementBar[];
  readonly title: string;
  readonly names: Record<'newMrr' | 'expansion' | 'reactivation' | 'contraction' | 'churn', string>;
}) {
  const series = [
    { key: 'newMrr', color: '#1f4fbf' },
    { key: 'expansion', color: '#1b7a3a' },
    { key: 'reactivation', color: '#5b8def' },
    { key: 'contraction', color: '#c98a00' },
    { key: 'churn', color: '#b42318' },
  ] as const;
  return (
    <figure className="chart" aria-label={title}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...bars]} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" />
          <YAxis width={90} tickFormatter={compactAmount} />
          <Tooltip />
          <Legend />
          {series.map((entry) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={names[entry.key]}
              stackId="mrr"
              fill={entry.color}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
