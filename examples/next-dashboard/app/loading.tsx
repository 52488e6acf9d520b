import { currentDictionary } from '../src/i18n/language';

export default async function Loading() {
  const { dictionary } = await currentDictionary();
  return (
    <p className="loading" role="status" aria-live="polite">
      {dictionary.common.loading}
    </p>
  );
}
