import Link from 'next/link';
import { getHealth, listAllCustomerIds, mapWithConcurrency } from '../../src/api/kizuna-client';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { formatNumber } from '../../src/format/formatting';
import { currentDictionary } from '../../src/i18n/language';

/** Every customer with its stored health score, red first. */
export default async function CustomerListPage() {
  const { language, dictionary } = await currentDictionary();
  const ids = await listAllCustomerIds();
  if (ids.kind !== 'ok')
    return (
      <>
        <h1>{dictionary.customerPage.listTitle}</h1>
        <UnavailableNotice result={ids} dictionary={dictionary} />
      </>
    );
  const rows = await mapWithConcurrency(ids.data, 8, async (customerId) => ({
    customerId,
    health: await getHealth(customerId),
  }));
  const rank = { red: 0, yellow: 1, green: 2 } as const;
  rows.sort((left, right) => {
    const leftRank = left.health.kind === 'ok' ? rank[left.health.data.health.status] : 3;
    const rightRank = right.health.kind === 'ok' ? rank[right.health.data.health.status] : 3;
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
                <td>
                  <Link href={`/customers/${encodeURIComponent(row.customerId)}`}>{row.customerId}</Link>
                </td>
                {row.health.kind === 'ok' ? (
                  <>
                    <td>
                      <span className={`status status-${row.health.data.health.status}`}>
                        {dictionary.status[row.health.data.health.status]}
                      </span>
                    </td>
                    <td>{formatNumber(row.health.data.health.score, language, 1)}</td>
                  </>
                ) : (
                  <td colSpan={2}>
                    <UnavailableNotice result={row.health} dictionary={dictionary} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
