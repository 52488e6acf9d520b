import type { CustomerJourney, CustomerJourneysReading } from '../api/api-types';

/** A journey as the customer page shows it: the API's journey with a key unique on the page. */
export interface OpenJourney extends CustomerJourney {
  /** `journeyId`, with the subject (an invoice, a survey) when the journey has one: `dunning:inv-1`. */
  readonly key: string;
}

/**
 * The open journeys of `GET /v1/customers/{id}/journeys`: those the customer has not exited that
 * still have a step to come (due or upcoming), in the API's order, each with all its steps (sent,
 * due, upcoming, skipped) in due order. A journey whose every step has been sent or skipped is over.
 */
export function openJourneys(reading: CustomerJourneysReading): OpenJourney[] {
  return reading.journeys
    .filter(
      (journey) =>
        !journey.exited && journey.steps.some((step) => step.state === 'due' || step.state === 'upcoming'),
    )
    .map((journey) => ({
      ...journey,
      key: journey.subjectId === undefined ? journey.journeyId : `${journey.journeyId}:${journey.subjectId}`,
    }));
}
