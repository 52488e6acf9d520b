import { getMarketingDashboard, getRevenue } from '../../src/api/kizuna-client';
import { FunnelChart } from '../../src/components/funnel-chart';
import { MrrMovementsChart } from '../../src/components/mrr-movements-chart';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { dashboardNow, formatMoney, formatNumber, formatPercent, monthOf } from '../../src/format/formatting';
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
                  stage: stage.stage,
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
                        {stage.stage}
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
        <section className="card wide" aria-labelledby="cohort-title">
          <h2 id="cohort-title">{text.cohorts}</h2>
          <p className="notice" role="status">
            {dictionary.common.notAvailable}: {text.cohortsNotAvailable}
          </p>
        </section>
      </div>
    </>
  );
}
