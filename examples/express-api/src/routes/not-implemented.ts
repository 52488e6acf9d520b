import { ApiProblem } from '../problem-details';

/**
 * Answers 501 for a route whose engine has not landed yet, naming what is missing so a reader
 * knows the route is a placeholder and not a bug.
 */
export function notImplemented(feature: string, missing: string): never {
  throw new ApiProblem('NOT_IMPLEMENTED', `${feature} is not available yet: ${missing}`);
}
