/** Churn settings for tests that are not about churn: skips training a model in every test. */
export const noChurn = { enabled: false } as const;
