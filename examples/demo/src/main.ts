import {
  buildSnapshots,
  createConsoleNotifier,
  createEventBus,
  createManualClock,
  createMemoryStore,
  createOutbox,
  type JourneyInput,
  planJourney,
} from '@kizuna/core';
import { sampleRecords } from './sample-data';

/**
 * The Kizuna demo. Today it runs the core pipeline end to end: an in-memory store, sample
 * customers, customer-360 snapshots, the dunning journey (seeds/001 §5.2: day 7, 14, 21) and delivery
 * through the outbox to a console notifier. `--no-serve` runs to the end and exits (it always does
 * until the API and dashboard exist).
 */
const asOf = '2026-11-20T00:00:00.000Z';

/** The late-payment playbook of seeds/001 §5.2, as a journey anchored at the invoice's issue date. */
const dunningJourney: JourneyInput = {
  id: 'dunning',
  name: 'Late payment follow-up',
  anchor: 'invoice_issued',
  exitWhen: { fact: 'paid', op: 'eq', value: true },
  steps: [
    {
      id: 'day-7-reminder',
      offset: { days: 7 },
      action: { type: 'payment_reminder_email', channel: 'email', title: 'Payment reminder (day 7)' },
    },
    {
      id: 'day-14-second-reminder',
      offset: { days: 14 },
      action: {
        type: 'payment_second_reminder',
        channel: 'phone',
        priority: 'high',
        title: 'Second reminder and phone notice (day 14)',
      },
    },
    {
      id: 'day-21-csm',
      offset: { days: 21 },
      action: {
        type: 'csm_instalment_proposal',
        channel: 'task',
        owner: 'csm',
        automated: false,
        priority: 'critical',
        title: 'CSM intervention with an instalment proposal (day 21)',
        deadline: { hours: 24 },
      },
    },
  ],
};

async function main() {
  const store = createMemoryStore();
  const clock = createManualClock(asOf);
  const events = createEventBus();
  const sent: string[] = [];
  events.on('notification.sent', (event) => sent.push(event.idempotencyKey));

  const data = sampleRecords(asOf);
  await store.putRecords('customer', data.customers);
  await store.putRecords('usageEvent', data.usageEvents);
  await store.putRecords('invoice', data.invoices);
  await store.putRecords('surveyResponse', data.surveyResponses);
  console.log(
    `Loaded ${data.customers.length} customers, ${data.usageEvents.length} usage events, ${data.invoices.length} invoices.`,
  );

  const customerIds = await store.listCustomerIds();
  const snapshots = await buildSnapshots(store, customerIds, { asOf });
  console.log('\nCustomer 360 snapshots:');
  for (const snapshot of snapshots) {
    const limit = snapshot.contract?.monthlyMeasurementLimit ?? 1;
    const usageRate = snapshot.usage.measurementsLast30Days / limit;
    console.log(
      `  ${snapshot.customer.id} ${snapshot.customer.name.padEnd(12, '　')} usage ${(usageRate * 100).toFixed(0).padStart(3)}% of plan, ` +
        `last login ${snapshot.engagement.daysSinceLastLogin ?? '–'} d ago, NPS ${snapshot.satisfaction.latestNps?.score ?? '–'}, ` +
        `unpaid ${snapshot.financial.unpaidInvoices.length} (max ${snapshot.financial.maxDaysOverdue} d overdue), renewal in ${snapshot.contract?.daysUntilRenewal ?? '–'} d`,
    );
  }

  const outbox = createOutbox({
    store,
    notifier: createConsoleNotifier({ write: (line) => console.log(`  → ${line}`) }),
    clock,
    events,
  });
  let planned = 0;
  for (const snapshot of snapshots) {
    for (const invoice of snapshot.financial.unpaidInvoices) {
      const plan = planJourney(
        dunningJourney,
        { customerId: snapshot.customer.id, anchorAt: invoice.issuedAt, facts: { paid: false } },
        asOf,
      );
      planned += plan.due.length;
      await outbox.enqueue(plan.due);
    }
  }
  console.log(`\nDunning journey: ${planned} step(s) due; delivering through the outbox:`);
  const first = await outbox.deliverDue();
  // A second daily run decides the same steps again: the outbox stores and sends nothing new.
  for (const snapshot of snapshots) {
    for (const invoice of snapshot.financial.unpaidInvoices) {
      const plan = planJourney(
        dunningJourney,
        { customerId: snapshot.customer.id, anchorAt: invoice.issuedAt, facts: { paid: false } },
        asOf,
      );
      await outbox.enqueue(plan.due);
    }
  }
  const second = await outbox.deliverDue();
  console.log(
    `\nSummary: ${snapshots.length} customers snapshotted; ${first.delivered} notification(s) delivered, ${first.failed} failed; ` +
      `a repeated run delivered ${second.delivered} (idempotent).`,
  );
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
