import {
  getChurn,
  getCustomerJourneys,
  getHealth,
  getRecommendations,
  getSnapshot,
} from '../../../src/api/kizuna-client';
import { HealthBreakdownChart } from '../../../src/components/health-breakdown-chart';
import { UnavailableNotice } from '../../../src/components/unavailable-notice';
import {
  formatChange,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../../src/format/formatting';
import {
  actionTitle,
  componentLabel,
  featureName,
  journeyName,
  productName,
  productReason,
  riskLevelName,
} from '../../../src/i18n/engine-text';
import { currentDictionary } from '../../../src/i18n/language';
import { openJourneys } from '../../../src/views/open-journeys';

/** A retention-plan step or playbook step as the API sends it. */
interface PlanStep {
  readonly idempotencyKey?: string;
  readonly type?: string;
  readonly title?: string;
  readonly message?: string;
  readonly priority?: string;
  readonly owner?: string;
  readonly dueAt?: string;
}

/**
 * The customer page: health with its breakdown and why it moved, churn probability with its top
 * factors and retention plan, recent interactions with sentiment, next steps and expansion offers.
 */
export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId: encoded } = await params;
  const customerId = decodeURIComponent(encoded);
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.customerPage;
  const [health, churn, recommendations, snapshot, journeyReading] = await Promise.all([
    getHealth(customerId),
    getChurn(customerId),
    getRecommendations(customerId),
    getSnapshot(customerId),
    getCustomerJourneys(customerId),
  ]);
  const journeys = journeyReading.kind === 'ok' ? openJourneys(journeyReading.data) : [];
  const name = snapshot.kind === 'ok' ? snapshot.data.customer.name : customerId;
  return (
    <>
      <h1>
        {name} <span className="muted">({customerId})</span>
      </h1>
      {snapshot.kind === 'ok' && snapshot.data.contract !== null ? (
        <p className="muted" data-testid="contract">
          {snapshot.data.contract.plan} · MRR{' '}
          {formatMoney(snapshot.data.contract.mrr.amount, language, snapshot.data.contract.mrr.currency)}
          {snapshot.data.contract.endsAt === null
            ? null
            : ` · ${dictionary.csm.renewalEndsAt} ${formatDate(snapshot.data.contract.endsAt, language)}`}
        </p>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="health-title" data-testid="health">
          <h2 id="health-title">{text.healthTitle}</h2>
          {health.kind !== 'ok' ? (
            <UnavailableNotice result={health} dictionary={dictionary} />
          ) : (
            <>
              <div className="figure-row">
                <div className="figure">
                  <span className="value" data-testid="health-score">
                    {formatNumber(health.data.health.score, language, 1)}
                  </span>
                  <span className="label">{dictionary.common.score}</span>
                </div>
                <div className="figure">
                  <span className="value">
                    <span className={`status status-${health.data.health.status}`}>
                      {dictionary.status[health.data.health.status]}
                    </span>
                  </span>
                  <span className="label">{health.data.health.band}</span>
                </div>
                {health.data.health.delta === undefined ? null : (
                  <div className="figure">
                    <span className="value" data-testid="health-change">
                      {formatChange(health.data.health.delta.change, language)}
                    </span>
                    <span className="label">{dictionary.common.change}</span>
                  </div>
                )}
              </div>
              <HealthBreakdownChart
                title={text.breakdown}
                pointsLabel={text.points}
                maximumLabel={text.maximum}
                bars={health.data.health.components.map((component) => ({
                  label: componentLabel(component, language),
                  points: component.points,
                  maxPoints: component.maxPoints,
                }))}
              />
              <h3>{text.whyMoved}</h3>
              <p data-testid="why-moved">{health.data.health.delta?.explanation ?? text.noPrevious}</p>
              <h3>{text.explanation}</h3>
              <ul>
                {health.data.explanation.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="churn-title" data-testid="churn">
          <h2 id="churn-title">{text.churnTitle}</h2>
          {churn.kind !== 'ok' ? (
            <UnavailableNotice result={churn} dictionary={dictionary} />
          ) : (
            <>
              <div className="figure-row">
                <div className="figure">
                  <span className="value" data-testid="churn-probability">
                    {formatPercent(churn.data.prediction.churnProbability, language)}
                  </span>
                  <span className="label">{text.churnTitle}</span>
                </div>
                <div className="figure">
                  <span className="value">{riskLevelName(churn.data.prediction.riskLevel, language)}</span>
                  <span className="label">{text.riskLevel}</span>
                </div>
              </div>
              <h3>{text.topFactors}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{text.component}</th>
                    <th scope="col">{text.contribution}</th>
                  </tr>
                </thead>
                <tbody>
                  {churn.data.prediction.topRiskFactors.map((factor) => (
                    <tr key={factor.feature}>
                      <td>{featureName(factor.feature, language)}</td>
                      <td>{formatChange(factor.contribution, language, 3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{text.retentionPlan}</h3>
              <ul data-testid="retention-plan">
                {(churn.data.prediction.retentionPlan as readonly PlanStep[]).map((step) => (
                  <li key={step.idempotencyKey ?? `${step.type ?? ''}:${step.title ?? ''}`}>
                    {step.priority === undefined ? null : (
                      <span className={`status priority-${step.priority}`}>
                        {dictionary.priority[step.priority] ?? step.priority}
                      </span>
                    )}{' '}
                    {step.type === undefined
                      ? (step.title ?? step.message)
                      : actionTitle(
                          { type: step.type, title: step.title ?? step.message ?? step.type },
                          language,
                        )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="interactions-title" data-testid="interactions">
          <h2 id="interactions-title">{text.interactionsTitle}</h2>
          {snapshot.kind !== 'ok' ? (
            <UnavailableNotice result={snapshot} dictionary={dictionary} />
          ) : snapshot.data.interactions.recent.length === 0 ? (
            <p className="muted">{dictionary.common.none}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{text.date}</th>
                  <th scope="col">{text.channel}</th>
                  <th scope="col">{text.sentiment}</th>
                  <th scope="col">{text.explanation}</th>
                </tr>
              </thead>
              <tbody>
                {[...snapshot.data.interactions.recent]
                  .reverse()
                  .slice(0, 10)
                  .map((interaction) => (
                    <tr key={interaction.id}>
                      <td>{formatDate(interaction.occurredAt, language)}</td>
                      <td>{interaction.channel}</td>
                      <td>
                        {interaction.sentiment === undefined
                          ? '–'
                          : (dictionary.sentiment[interaction.sentiment.toLowerCase()] ??
                            interaction.sentiment)}
                      </td>
                      <td>{interaction.text}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="card" aria-labelledby="next-steps-title" data-testid="expansion">
          <h2 id="next-steps-title">{text.playbookTitle}</h2>
          {recommendations.kind !== 'ok' ? (
            <UnavailableNotice result={recommendations} dictionary={dictionary} />
          ) : (
            <>
              {recommendations.data.playbook.length === 0 ? (
                <p className="muted">{dictionary.common.none}</p>
              ) : (
                <ul>
                  {recommendations.data.playbook.map((step) => (
                    <li key={`${step.type}:${step.action}`}>
                      <span className={`status priority-${step.priority}`}>
                        {dictionary.priority[step.priority] ?? step.priority}
                      </span>{' '}
                      {actionTitle({ type: step.action, title: step.message }, language)}
                    </li>
                  ))}
                </ul>
              )}
              <h3>{text.expansionTitle}</h3>
              {recommendations.data.expansion.suppressed ? (
                <p className="muted">
                  {text.expansionSuppressed}: {recommendations.data.expansion.suppressedReason}
                </p>
              ) : recommendations.data.expansion.recommendations.length === 0 ? (
                <p className="muted">{dictionary.common.none}</p>
              ) : (
                <ul>
                  {recommendations.data.expansion.recommendations.map((offer) => (
                    <li key={offer.ruleId} data-offer={offer.product}>
                      {productName(offer.product, language)}: {productReason(offer, language)} —{' '}
                      {dictionary.common.confidence} {formatPercent(offer.confidence, language)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
        <section className="card wide" aria-labelledby="journeys-title" data-testid="journeys">
          <h2 id="journeys-title">{text.journeysTitle}</h2>
          {journeyReading.kind !== 'ok' ? (
            <UnavailableNotice result={journeyReading} dictionary={dictionary} />
          ) : journeys.length === 0 ? (
            <p className="muted">{text.journeysEmpty}</p>
          ) : (
            journeys.map((journey) => (
              <div key={journey.key} data-journey={journey.key}>
                <h3>
                  {journeyName(journey.journeyId, language)}
                  {journey.subjectId === undefined ? null : (
                    <span className="muted"> ({journey.subjectId})</span>
                  )}
                </h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{text.journeyStep}</th>
                      <th scope="col">{text.due}</th>
                      <th scope="col">{text.stepState}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {journey.steps.map((step) => (
                      <tr
                        key={`${step.stepId}@${step.dueAt}`}
                        data-step={step.stepId}
                        data-state={step.state}
                        data-due={step.dueAt}
                      >
                        <td>{actionTitle(step, language)}</td>
                        <td>{formatDate(step.dueAt, language)}</td>
                        <td>
                          {step.state === 'sent'
                            ? text.stepSent
                            : step.state === 'due'
                              ? text.stepDue
                              : step.state === 'upcoming'
                                ? text.stepUpcoming.replace('{date}', formatDate(step.dueAt, language))
                                : `${text.stepSkipped}${
                                    step.skipReason === undefined
                                      ? ''
                                      : ` (${text.skipReason[step.skipReason] ?? step.skipReason})`
                                  }`}
                          {step.conditional ? <span className="muted"> — {text.stepConditional}</span> : null}
                          {step.done && step.state !== 'skipped' ? (
                            <span className="muted"> · {text.stepMarkedDone}</span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))
          )}
          <p className="muted">{text.journeysNote}</p>
        </section>
      </div>
    </>
  );
}
