import {
  getChurn,
  getCustomerProfiles,
  getExecutiveDashboard,
  getHealthSummary,
  listAlerts,
  mapWithConcurrency,
} from '../../src/api/kizuna-client';
import { MrrTrendChart } from '../../src/components/mrr-trend-chart';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import {
  formatChange,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../src/format/formatting';
import { currentDictionary } from '../../src/i18n/language';

/**
 * The executive view: MRR, NRR, churn rate and average health with their month-on-month change,
 * the MRR trend, the churn analysis of the month and the automation rate of the outbox.
 */
export default async function ExecutivePage() {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.executive;
  const [executive, latestHealth, alerts] = await Promise.all([
    getExecutiveDashboard(),
    getHealthSummary(),
    listAlerts(),
  ]);
  const health = latestHealth.kind === 'ok' ? latestHealth.data.overall : null;
  const churnedCustomers = executive.kind === 'ok' ? executive.data.churnAnalysis.customers : [];
  const [churned, profiles] = await Promise.all([
    mapWithConcurrency(churnedCustomers, 8, async (customer) => ({
      ...customer,
      churn: await getChurn(customer.customerId),
    })),
    getCustomerProfiles(churnedCustomers.map((customer) => customer.customerId)),
  ]);
  const nameOf = (customerId: string) =>
    (profiles.kind === 'ok' ? profiles.data.get(customerId)?.name : undefined) ?? customerId;
  const currency = executive.kind === 'ok' ? executive.data.currency : 'JPY';
  const money = (amount: number | null) => (amount === null ? '–' : formatMoney(amount, language, currency));
  const ratio = (value: number | null) => (value === null ? '–' : formatPercent(value, language));
  const points = (value: number | null) =>
    value === null ? '–' : `${formatChange(value * 100, language)} pt`;
  return (
    <>
      <h1>{text.title}</h1>
      {executive.kind !== 'ok' ? (
        <UnavailableNotice result={executive} dictionary={dictionary} />
      ) : (
        <div className="grid">
          <section className="card wide" aria-labelledby="headlines-title" data-testid="headlines">
            <h2 id="headlines-title">
              {text.headlines} <span className="muted">({executive.data.periodStart})</span>
            </h2>
            <div className="figure-row">
              <div className="figure">
                <span className="value" data-testid="mrr">
                  {money(executive.data.mrr.value)}
                </span>
                <span className="label">
                  MRR · {text.monthOnMonth}{' '}
                  {executive.data.mrrGrowth === null
                    ? '–'
                    : formatChange(executive.data.mrrGrowth * 100, language)}
                  % · {text.goalAttainment} {ratio(executive.data.mrr.attainment)}
                </span>
              </div>
              <div className="figure">
                <span className="value" data-testid="nrr">
                  {ratio(executive.data.netRevenueRetention.value)}
                </span>
                <span className="label">
                  NRR · {text.monthOnMonth} {points(executive.data.netRevenueRetention.change)}
                </span>
              </div>
              <div className="figure">
                <span className="value" data-testid="churn-rate">
                  {ratio(executive.data.churnRate.value)}
                </span>
                <span className="label">
                  {text.churnRate} · {text.monthOnMonth} {points(executive.data.churnRate.change)}
                </span>
              </div>
              <div className="figure">
                <span className="value" data-testid="average-health">
                  {health?.average == null ? '–' : formatNumber(health.average, language, 1)}
                </span>
                <span className="label">
                  {dictionary.csm.healthAverage} · {text.sinceLastScore}{' '}
                  {health?.averageChange == null ? '–' : formatChange(health.averageChange, language)}
                </span>
              </div>
              <div className="figure">
                <span className="value">
                  {executive.data.nps?.value == null ? '–' : formatNumber(executive.data.nps.value, language)}
                </span>
                <span className="label">
                  NPS{executive.data.nps === undefined ? ` · ${dictionary.common.notAvailable}` : ''}
                </span>
              </div>
            </div>
          </section>
          <section className="card" aria-labelledby="trend-title">
            <h2 id="trend-title">{text.mrrTrend}</h2>
            <MrrTrendChart
              title={text.mrrTrend}
              seriesName="MRR"
              points={executive.data.trends.periods.map((period, index) => ({
                period,
                mrr: executive.data.trends.mrr[index] ?? 0,
              }))}
            />
          </section>
          <section className="card" aria-labelledby="churn-analysis-title" data-testid="churn-analysis">
            <h2 id="churn-analysis-title">{text.churnAnalysis}</h2>
            <p>
              {text.mrrLost}:{' '}
              <strong data-testid="mrr-lost">{money(executive.data.churnAnalysis.mrrLost)}</strong>
            </p>
            {churned.length === 0 ? (
              <p className="muted">{text.noChurn}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{dictionary.common.customer}</th>
                    <th scope="col">{dictionary.customerPage.date}</th>
                    <th scope="col">{text.mrrLost}</th>
                    <th scope="col">{text.predicted}</th>
                  </tr>
                </thead>
                <tbody>
                  {churned.map((customer) => (
                    <tr key={customer.customerId}>
                      <td>{nameOf(customer.customerId)}</td>
                      <td>{formatDate(customer.date, language)}</td>
                      <td>{money(customer.mrrLost)}</td>
                      <td>
                        {customer.churn.kind === 'ok'
                          ? `${customer.churn.data.prediction.riskLevel} (${formatPercent(customer.churn.data.prediction.churnProbability, language)})`
                          : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card wide" aria-labelledby="automation-title" data-testid="automation">
            <h2 id="automation-title">{text.automation}</h2>
            {alerts.kind !== 'ok' ? (
              <UnavailableNotice result={alerts} dictionary={dictionary} />
            ) : (
              <div className="figure-row">
                <div className="figure">
                  <span className="value" data-testid="automation-rate">
                    {alerts.data.length === 0
                      ? '–'
                      : formatPercent(
                          alerts.data.filter((entry) => entry.action.automated).length / alerts.data.length,
                          language,
                        )}
                  </span>
                  <span className="label">{text.automationRate}</span>
                </div>
                <div className="figure">
                  <span className="value">
                    {executive.data.efficiency?.customersPerCsm == null
                      ? '–'
                      : formatNumber(executive.data.efficiency.customersPerCsm, language, 1)}
                  </span>
                  <span className="label">{text.customersPerCsm}</span>
                </div>
                <div className="figure">
                  <span className="value">
                    {executive.data.efficiency?.firstResponseMinutesMedian == null
                      ? '–'
                      : formatNumber(executive.data.efficiency.firstResponseMinutesMedian, language)}
                  </span>
                  <span className="label">{text.firstResponseMinutes}</span>
                </div>
              </div>
            )}
            {executive.data.efficiency === undefined ? (
              <p className="muted">{text.efficiencyNotAvailable}</p>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
