import { getMarketingDashboard, getRevenue } from '../../src/api/kizuna-client';
import { FunnelChart } from '../../src/components/funnel-chart';
import { MrrMovementsChart } from '../../src/components/mrr-movements-chart';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { dashboardNow, formatMoney, formatNumber, formatPercent, monthOf } from '../../src/format/formatting';
import { funnelStageName } from '../../src/i18n/engine-text';
import { currentDictionary } from '../../src/i18n/language';
import { bottleneckStage } from '../../src/views/funnel-bottleneck';

/**
 * Funnel and revenue: the marketing funnel of the month with its bottleneck (the lowest conversion
 * from the previous stage), and MRR movements per month.
 */
export default async function FunnelPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.funnel;
  const requested = (await searchParams).month;
  const month =
    requested !== undefined && /^\d{4}-\d{2}$/.test(requested) ? requested : monthOf(dashboardNow());
  const [marketing, revenue] = await Promise.all([getMarketingDashboard(month), getRevenue()]);
  const bottleneck = marketing.kind === 'ok' ? bottleneckStage(marketing.data.funnel) : undefined;
  const periods = revenue.kind === 'ok' ? revenue.data.periods.slice(-12) : [];
  const currency = revenue.kind === 'ok' ? revenue.data.currency : 'JPY';
  // The last twelve monthly cohorts, each over its first twelve months.
  const cohorts = revenue.kind === 'ok' ? revenue.data.cohorts.slice(-12) : [];
  const cohortAges = Array.from({ length: 12 }, (_, age) => age);
  return (
    <>
      <h1>
        {text.title} <span className="muted">({month})</span>
      </h1>
      <div className="grid">
        <section className="card" aria-labelledby="funnel-title" data-testid="funnel">
          <h2 id="funnel-title">{text.funnel}</h2>
          {marketing.kind !== 'ok' ? (
            <UnavailableNotice result={marketing} dictionary={dictionary} />
          ) : (
            <>
              <FunnelChart
                title={text.funnel}
                bars={marketing.data.funnel.map((stage) => ({
                  stage: funnelStageName(stage.stage, language),
                  count: stage.count,
                  bottleneck: stage.stage === bottleneck,
                }))}
              />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{text.stage}</th>
                    <th scope="col">{dictionary.common.count}</th>
                    <th scope="col">{text.conversion}</th>
                  </tr>
                </thead>
                <tbody>
                  {marketing.data.funnel.map((stage) => (
                    <tr key={stage.stage} data-stage={stage.stage}>
                      <td>
                        {funnelStageName(stage.stage, language)}
                        {stage.stage === bottleneck ? (
                          <strong className="bottleneck"> ← {text.bottleneck}</strong>
                        ) : null}
                      </td>
                      <td>{formatNumber(stage.count, language)}</td>
                      <td>
                        {stage.conversionFromPrevious === null
                          ? '–'
                          : formatPercent(stage.conversionFromPrevious, language)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">{text.targetsNotAvailable}</p>
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
