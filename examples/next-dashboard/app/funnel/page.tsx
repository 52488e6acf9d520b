import type { KpiResult } from '../../src/api/api-types';
import { getRevenue, getSalesFunnel } from '../../src/api/kizuna-client';
import { FunnelChart } from '../../src/components/funnel-chart';
import { MrrMovementsChart } from '../../src/components/mrr-movements-chart';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { dashboardNow, formatMoney, formatNumber, formatPercent, monthOf } from '../../src/format/formatting';
import { formatKpiGap, formatKpiValue } from '../../src/format/kpi-format';
import { salesKpiName, salesLevelName } from '../../src/i18n/engine-text';
import type { Dictionary } from '../../src/i18n/japanese';
import { currentDictionary, type Language } from '../../src/i18n/language';
import {
  attainmentPercent,
  bottleneckSentence,
  kpiState,
  monthBefore,
} from '../../src/views/sales-funnel-view';

/** The value, target, status, gap and attainment cells of one KPI row (levels and financial alike). */
function KpiCells({
  kpi,
  text,
  language,
  currency,
}: {
  readonly kpi: KpiResult;
  readonly text: Dictionary['funnel'];
  readonly language: Language;
  readonly currency: string;
}) {
  const share = attainmentPercent(kpi);
  return (
    <>
      <td data-field="value">
        {kpi.value === null ? '–' : formatKpiValue(kpi.value, kpi.unit, language, currency)}
      </td>
      <td data-field="target">
        {kpi.comparison === 'at_most' ? `${text.atMost} ` : ''}
        {formatKpiValue(kpi.target, kpi.unit, language, currency)}
      </td>
      <td data-field="status">
        <span className={`kpi-status kpi-status-${kpi.status}`}>
          {text.kpiStatus[kpi.status] ?? kpi.status}
        </span>
      </td>
      <td data-field="gap">{kpi.gap === null ? '–' : formatKpiGap(kpi.gap, kpi.unit, language, currency)}</td>
      <td data-field="attainment">{share === null ? '–' : `${share}%`}</td>
    </>
  );
}

/**
 * Funnel and revenue: the seven sales-funnel levels of a month (default the last full month; a
 * month picker) with every KPI against its target and the bottleneck the funnel engine names, and
 * MRR movements and cohort retention per month.
 */
export default async function FunnelPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.funnel;
  const requested = (await searchParams).month;
  const month =
    requested !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested)
      ? requested
      : monthBefore(monthOf(dashboardNow()));
  const [sales, revenue] = await Promise.all([getSalesFunnel(month), getRevenue()]);
  const periods = revenue.kind === 'ok' ? revenue.data.periods.slice(-12) : [];
  const currency = revenue.kind === 'ok' ? revenue.data.currency : 'JPY';
  // The last twelve monthly cohorts, each over its first twelve months.
  const cohorts = revenue.kind === 'ok' ? revenue.data.cohorts.slice(-12) : [];
  const cohortAges = Array.from({ length: 12 }, (_, age) => age);
  const bottleneck = sales.kind === 'ok' ? sales.data.bottleneck : null;
  const levelIdOf = (level: number) =>
    sales.kind === 'ok' ? (sales.data.funnel.levels[level]?.id ?? '') : '';
  return (
    <>
      <h1>
        {text.title} <span className="muted">({month})</span>
      </h1>
      <form className="filter-bar" method="get">
        <label>
          {text.month} <input type="month" name="month" defaultValue={month} />
        </label>{' '}
        <button type="submit">{text.show}</button>
      </form>
      <div className="grid">
        <section className="card wide" aria-labelledby="levels-title" data-testid="sales-funnel">
          <h2 id="levels-title">{text.levels}</h2>
          {sales.kind !== 'ok' ? (
            <UnavailableNotice result={sales} dictionary={dictionary} />
          ) : (
            <>
              {bottleneck === null ? (
                <p className="muted" data-testid="bottleneck">
                  {text.noBottleneck}
                </p>
              ) : (
                <p
                  className="bottleneck-callout"
                  data-testid="bottleneck"
                  data-bottleneck-kpi={bottleneck.kpi.id}
                  data-bottleneck-level={bottleneck.level}
                >
                  <strong>{text.bottleneck}:</strong>{' '}
                  {bottleneckSentence(
                    bottleneck,
                    levelIdOf(bottleneck.level),
                    { atLeast: text.bottleneckReason, atMost: text.bottleneckReasonAtMost },
                    language,
                  )}
                </p>
              )}
              <FunnelChart
                title={text.chartTitle}
                bars={sales.data.funnel.levels.flatMap((level) =>
                  level.kpis.map((kpi) => ({
                    id: kpi.id,
                    label: `L${level.level} ${salesKpiName(kpi.id, kpi.name, language)}`,
                    attainment: attainmentPercent(kpi),
                    state: kpiState(kpi, bottleneck),
                  })),
                )}
              />
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard */}
              <section className="table-scroll" tabIndex={0} aria-label={text.levels}>
                <table className="kpi-table">
                  <thead>
                    <tr>
                      <th scope="col">{text.kpi}</th>
                      <th scope="col">{text.value}</th>
                      <th scope="col">{text.target}</th>
                      <th scope="col">{text.status}</th>
                      <th scope="col">{text.gap}</th>
                      <th scope="col">{text.attainment}</th>
                    </tr>
                  </thead>
                  {sales.data.funnel.levels.map((level) => (
                    <tbody key={level.id} data-level={level.level}>
                      <tr className="level-row">
                        <th scope="rowgroup" colSpan={6}>
                          {level.level} · {salesLevelName(level.id, level.name, language)}
                        </th>
                      </tr>
                      {level.kpis.map((kpi) => {
                        const state = kpiState(kpi, bottleneck);
                        return (
                          <tr
                            key={kpi.id}
                            data-kpi={kpi.id}
                            data-status={kpi.status}
                            className={`kpi-${state}`}
                          >
                            <th scope="row">
                              {salesKpiName(kpi.id, kpi.name, language)}
                              {state === 'bottleneck' ? (
                                <strong className="bottleneck"> ← {text.bottleneck}</strong>
                              ) : null}
                            </th>
                            <KpiCells kpi={kpi} text={text} language={language} currency={currency} />
                          </tr>
                        );
                      })}
                    </tbody>
                  ))}
                  <tbody data-level="financial">
                    <tr className="level-row">
                      <th scope="rowgroup" colSpan={6}>
                        {text.financial}
                      </th>
                    </tr>
                    {sales.data.funnel.financial.map((kpi) => (
                      <tr
                        key={kpi.id}
                        data-kpi={kpi.id}
                        data-status={kpi.status}
                        className={`kpi-${kpi.status}`}
                      >
                        <th scope="row">{salesKpiName(kpi.id, kpi.name, language)}</th>
                        <KpiCells kpi={kpi} text={text} language={language} currency={currency} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="movements-title" data-testid="movements">
          <h2 id="movements-title">{text.movements}</h2>
          {revenue.kind !== 'ok' ? (
            <UnavailableNotice result={revenue} dictionary={dictionary} />
          ) : (
            <>
              <MrrMovementsChart
                title={text.movements}
                names={text.movementNames}
                bars={periods.map((period) => ({
                  period: period.periodStart.slice(0, 7),
                  newMrr: period.movements.new,
                  expansion: period.movements.expansion,
                  reactivation: period.movements.reactivation,
                  contraction: -period.movements.contraction,
                  churn: -period.movements.churn,
                }))}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{text.period}</th>
                    <th scope="col">{text.endMrr}</th>
                    <th scope="col">{text.netNewMrr}</th>
                    <th scope="col">NRR</th>
                  </tr>
                </thead>
                <tbody>
                  {periods.map((period) => (
                    <tr key={period.periodStart} data-period={period.periodStart}>
                      <td>{period.periodStart.slice(0, 7)}</td>
                      <td>{formatMoney(period.endMrr, language, currency)}</td>
                      <td>{formatMoney(period.netNewMrr, language, currency)}</td>
                      <td>
                        {period.netRevenueRetention === null
                          ? '–'
                          : formatPercent(period.netRevenueRetention, language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section className="card wide" aria-labelledby="cohort-title" data-testid="cohorts">
          <h2 id="cohort-title">{text.cohorts}</h2>
          {revenue.kind !== 'ok' ? (
            <UnavailableNotice result={revenue} dictionary={dictionary} />
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard
            <section className="table-scroll" tabIndex={0} aria-label={text.cohorts}>
              <table className="cohort-table">
                <caption className="muted">{text.cohortCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{text.cohortStart}</th>
                    <th scope="col">{text.cohortCustomers}</th>
                    {cohortAges.map((age) => (
                      <th scope="col" key={age}>
                        {text.cohortAge.replace('{age}', String(age))}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {cohorts.map((cohort) => (
                    <tr key={cohort.cohortStart} data-cohort={cohort.cohortStart.slice(0, 7)}>
                      <th scope="row">{cohort.cohortStart.slice(0, 7)}</th>
                      <td>{formatNumber(cohort.customers, language)}</td>
                      {cohortAges.map((age) => {
                        const period = cohort.periods.find((entry) => entry.age === age);
                        return period === undefined ? (
                          <td key={age} />
                        ) : (
                          <td
                            key={age}
                            className="cohort-cell"
                            style={{
                              backgroundColor: `rgba(22, 101, 52, ${(0.06 + 0.4 * period.logoRetention).toFixed(2)})`,
                            }}
                            title={`${text.netMrrRetention} ${period.netMrrRetention === null ? '–' : formatPercent(period.netMrrRetention, language)}`}
                          >
                            {formatPercent(period.logoRetention, language)}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </section>
      </div>
    </>
  );
}
