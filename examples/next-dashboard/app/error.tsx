'use client';

/** The error state of every page (a client component, as Next requires). Bilingual: it cannot read the cookie. */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="card" role="alert">
      <h1>データを読み込めませんでした / The data could not be loaded</h1>
      <p>{error.message}</p>
      <button type="button" onClick={() => reset()}>
        再試行 / Retry
      </button>
    </section>
  );
}
