import Link from 'next/link';
import type { LatestHealth } from '../../src/api/api-types';
import { getCustomerProfiles, listAllCustomerIds, listLatestHealth } from '../../src/api/kizuna-client';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { formatDate, formatNumber } from '../../src/format/formatting';
import { currentDictionary } from '../../src/i18n/language';

/**
 * Every customer by name with its latest stored health score (bulk reads: the ids, the latest scores,
 * then the names in calls of 500), red first.
 */
export default async function CustomerListPage() {
  const { language, dictionary } = await currentDictionary();
  const [ids, latest] = await Promise.all([listAllCustomerIds(), listLatestHealth()]);
  const failed = ids.kind !== 'ok' ? ids : latest.kind !== 'ok' ? latest : undefined;
  if (failed !== undefined)
    return (
      <>
        <h1>{dictionary.customerPage.listTitle}</h1>
        <UnavailableNotice result={failed} dictionary={dictionary} />
      </>
    );
  // Names are a nicety: if they cannot be read, the list still shows every customer by id.
  const profiles = await getCustomerProfiles(ids.kind === 'ok' ? ids.data : []);
  const profileOf = (customerId: string) =>
    profiles.kind === 'ok' ? profiles.data.get(customerId) : undefined;
  const churnedAt = (customerId: string) => profileOf(customerId)?.churnedAt ?? null;
  const healthOf = new Map<string, LatestHealth>();
  if (latest.kind === 'ok') for (const item of latest.data) healthOf.set(item.customerId, item);
  const rows = (ids.kind === 'ok' ? ids.data : []).map((customerId) => ({
    customerId,
    health: healthOf.get(customerId),
  }));
  const rank = { red: 0, yellow: 1, green: 2 } as const;
  rows.sort((left, right) => {
    const leftRank = left.health === undefined ? 3 : rank[left.health.status];
    const rightRank = right.health === undefined ? 3 : rank[right.health.status];
    return leftRank - rightRank || left.customerId.localeCompare(right.customerId);
  });
  return (
    <>
      <h1>{dictionary.customerPage.listTitle}</h1>
      <section className="card">
        <table>
          <thead>
            <tr>
              <th scope="col">{dictionary.common.customer}</th>
              <th scope="col">{dictionary.customerPage.healthTitle}</th>
              <th scope="col">{dictionary.common.score}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.customerId}>
                <td data-customer-id={row.customerId}>
                  <Link href={`/customers/${encodeURIComponent(row.customerId)}`}>
                    {profileOf(row.customerId)?.name ?? row.customerId}
                  </Link>{' '}
                  <span className="muted">{row.customerId}</span>
                </td>
                {row.health === undefined ? (
                  <td colSpan={2} className="muted">
                    {churnedAt(row.customerId) === null
                      ? dictionary.customerPage.notScored
                      : dictionary.customerPage.churnedOn(formatDate(churnedAt(row.customerId)!, language))}
                  </td>
                ) : (
                  <>
                    <td>
                      <span className={`status status-${row.health.status}`}>
                        {dictionary.status[row.health.status]}
                      </span>
                    </td>
                    <td>{formatNumber(row.health.score, language, 1)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
