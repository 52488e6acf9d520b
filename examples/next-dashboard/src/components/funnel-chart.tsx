'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** One KPI of the sales funnel: how much of its target is achieved, and how it stands. */
export interface KpiBar {
  readonly id: string;
  /** `L2 Open rate` in the UI language. */
  readonly label: string;
  /** Attainment in percent (100 = on target), capped for the axis; `null` without data. */
  readonly attainment: number | null;
  readonly state: 'met' | 'below' | 'bottleneck' | 'no_data';
}

const colors = { met: '#1b7a3a', below: '#c98a00', bottleneck: '#b42318', no_data: '#9aa4b2' } as const;

/** The largest attainment drawn: a KPI far above target would flatten every other bar. */
export const attainmentAxisLimit = 200;

/**
 * Horizontal bars of every KPI's attainment of its target (Recharts), a line at 100 %: green met,
 * amber below, red the bottleneck.
 */
export function FunnelChart({ bars, title }: { readonly bars: readonly KpiBar[]; readonly title: string }) {
  const data = bars.map((bar) => ({
    ...bar,
    shown: bar.attainment === null ? 0 : Math.min(bar.attainment, attainmentAxisLimit),
  }));
  return (
    <figure className="chart" aria-label={title} style={{ height: 28 * bars.length + 60 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, attainmentAxisLimit]} ticks={[0, 50, 100, 150, 200]} unit="%" />
          <YAxis type="category" dataKey="label" width={190} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_value, _name, item) => `${item.payload.attainment ?? '–'}%`} />
          <ReferenceLine x={100} stroke="#333" strokeDasharray="4 2" />
          <Bar dataKey="shown" isAnimationActive={false}>
            {data.map((bar) => (
              <Cell key={bar.id} fill={colors[bar.state]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
