import type { ApiResult } from '../api/kizuna-client';
import type { Dictionary } from '../i18n/japanese';

/**
 * What a section shows when its API call did not give data: "not available yet" for a 501, or the
 * error with its reason.
 */
export function UnavailableNotice({
  result,
  dictionary,
}: {
  readonly result: Exclude<ApiResult<unknown>, { kind: 'ok' }>;
  readonly dictionary: Dictionary;
}) {
  if (result.kind === 'not-available')
    return (
      <p className="notice" role="status">
        {dictionary.common.notAvailable}: {result.detail}
      </p>
    );
  return (
    <p className="notice notice-error" role="alert">
      {dictionary.common.errorTitle} ({result.status}): {result.detail}
    </p>
  );
}
