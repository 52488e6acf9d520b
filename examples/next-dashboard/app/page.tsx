import Link from 'next/link';
import { completeAlert } from '../src/actions/complete-alert';
import { HealthDistributionChart } from '../src/components/health-distribution-chart';
import { UnavailableNotice } from '../src/components/unavailable-notice';
import {
  dashboardNow,
  formatChange,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../src/format/formatting';
import { actionTitle, productName, productReason, reasonText } from '../src/i18n/engine-text';
import { currentDictionary } from '../src/i18n/language';
import { loadCsmDailyData } from '../src/views/csm-daily-data';

/** The CSM daily view: today's alerts, health distribution, renewals of the month, AI recommendations. */
export default async function CsmDailyPage({ searchParams }: { searchParams: Promise<{ csm?: string }> }) {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.csm;
  const now = dashboardNow();
  const requestedCsm = (await searchParams).csm;
  const csm = requestedCsm === undefined || requestedCsm === '' ? undefined : requestedCsm;
  const data = await loadCsmDailyData(now, csm);
  const customerLink = (customerId: string) => (
    <Link href={`/customers/${encodeURIComponent(customerId)}`}>
      {data.names.get(customerId) ?? customerId}
    </Link>
  );
  return (
    <>
      <h1>
        {text.title} <span className="muted">— {formatDate(now.toISOString(), language)}</span>
      </h1>
      <form className="filter-bar" method="get">
        <label>
          {text.accounts}{' '}
          <select name="csm" defaultValue={csm ?? ''}>
            <option value="">{text.allAccounts}</option>
            {data.csmIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{text.show}</button>
      </form>
      <div className="grid">
        <section className="card wide" aria-labelledby="alerts-title" data-testid="alerts">
          <h2 id="alerts-title">{text.alertsTitle}</h2>
          {data.alerts.kind !== 'ok' ? (
            <UnavailableNotice result={data.alerts} dictionary={dictionary} />
          ) : data.alerts.data.filter(
              (entry) => entry.action.priority === 'critical' || entry.action.priority === 'high',
            ).length === 0 ? (
            <p className="muted">{text.alertsEmpty}</p>
          ) : (
            <>
              {data.alertsTotal > data.alerts.data.length ? (
                <p className="muted" data-testid="alerts-shown">
                  {text.alertsShown
                    .replace('{shown}', formatNumber(data.alerts.data.length, language))
                    .replace('{total}', formatNumber(data.alertsTotal, language))}
                </p>
              ) : null}
              <ul className="alert-list">
                {data.alerts.data
                  .filter((entry) => entry.action.priority === 'critical' || entry.action.priority === 'high')
                  .map((entry) => (
                    <li key={entry.action.idempotencyKey} data-alert-key={entry.action.idempotencyKey}>
                      <div>
                        <span className={`status priority-${entry.action.priority}`}>
                          {dictionary.priority[entry.action.priority] ?? entry.action.priority}
                        </span>{' '}
                        {entry.action.customerId === undefined ? null : customerLink(entry.action.customerId)}
                        <div>
                          <strong>{text.recommendedAction}:</strong> {actionTitle(entry.action, language)}
                        </div>
                        <div className="muted">
                          {text.reasons}:{' '}
                          {entry.action.reasons.map((reason) => reasonText(reason, language)).join(' / ')}
                        </div>
                      </div>
                      <form action={completeAlert}>
                        <input type="hidden" name="idempotencyKey" value={entry.action.idempotencyKey} />
                        <button
                          type="submit"
                          aria-label={`${text.markDone}: ${actionTitle(entry.action, language)}`}
                        >
                          {text.markDone}
                        </button>
                      </form>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="health-title" data-testid="health">
          <h2 id="health-title">{text.healthTitle}</h2>
          {data.health.kind !== 'ok' ? (
            <UnavailableNotice result={data.health} dictionary={dictionary} />
          ) : (
            <>
              <div className="figure-row">
                {(['green', 'yellow', 'red'] as const).map((status) => (
                  <div className="figure" key={status}>
                    <span className="value" data-health-count={status}>
                      {data.health.kind === 'ok' ? data.health.data.counts[status] : ''}
                    </span>
                    <span className="label">{dictionary.status[status]}</span>
                  </div>
                ))}
                <div className="figure">
                  <span className="value" data-testid="health-average">
                    {data.health.data.average === null
                      ? '–'
                      : formatNumber(data.health.data.average, language, 1)}
                  </span>
                  <span className="label">{text.healthAverage}</span>
                </div>
                <div className="figure">
                  <span className="value" data-testid="health-change">
                    {data.health.data.averageChange === null
                      ? '–'
                      : formatChange(data.health.data.averageChange, language)}
                  </span>
                  <span className="label">{text.healthChange}</span>
                </div>
              </div>
              <HealthDistributionChart
                title={text.healthTitle}
                bars={(['green', 'yellow', 'red'] as const).map((status) => ({
                  status,
                  label: dictionary.status[status] ?? status,
                  count: data.health.kind === 'ok' ? data.health.data.counts[status] : 0,
                }))}
              />
            </>
          )}
        </section>

        <section className="card" aria-labelledby="renewals-title" data-testid="renewals">
          <h2 id="renewals-title">{text.renewalsTitle}</h2>
          {data.renewals.kind !== 'ok' ? (
            <UnavailableNotice result={data.renewals} dictionary={dictionary} />
          ) : data.renewals.data.length === 0 ? (
            <p className="muted">{text.renewalsEmpty}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{dictionary.common.customer}</th>
                  <th scope="col">{text.renewalEndsAt}</th>
                  <th scope="col">{text.mrr}</th>
                  <th scope="col">{dictionary.common.priority}</th>
                </tr>
              </thead>
              <tbody>
                {data.renewals.data.map((renewal) => (
                  <tr key={renewal.customerId} data-renewal={renewal.customerId}>
                    <td>{customerLink(renewal.customerId)}</td>
                    <td>{formatDate(renewal.endsAt, language)}</td>
                    <td>{formatMoney(renewal.mrr, language, renewal.currency)}</td>
                    <td>
                      {renewal.standing === 'automatic'
                        ? text.renewalAutomatic
                        : renewal.standing === 'at-risk'
                          ? text.renewalAtRisk
                          : text.renewalNegotiating}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="card wide" aria-labelledby="recommendations-title" data-testid="recommendations">
          <h2 id="recommendations-title">{text.recommendationsTitle}</h2>
          {data.recommendations.kind !== 'ok' ? (
            <UnavailableNotice result={data.recommendations} dictionary={dictionary} />
          ) : data.recommendations.data.length === 0 ? (
            <p className="muted">{text.recommendationsEmpty}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{dictionary.common.customer}</th>
                  <th scope="col">{text.recommendedAction}</th>
                  <th scope="col">{dictionary.common.confidence}</th>
                </tr>
              </thead>
              <tbody>
                {data.recommendations.data.map((recommendation) => (
                  <tr
                    key={`${recommendation.customerId}:${recommendation.product}`}
                    data-recommendation={recommendation.product}
                  >
                    <td>{customerLink(recommendation.customerId)}</td>
                    <td>
                      {productReason(recommendation, language)}{' '}
                      <span className="muted">({productName(recommendation.product, language)})</span>
                    </td>
                    <td>{formatPercent(recommendation.confidence, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
