import { currentDictionary } from '../i18n/language';

/** The page of a view not built yet: says so plainly instead of showing made-up figures. */
export async function ComingNext({ view }: { readonly view: 'executive' | 'funnel' | 'support' | 'noise' }) {
  const { dictionary } = await currentDictionary();
  return (
    <>
      <h1>{dictionary.navigation[view]}</h1>
      <section className="card" role="status">
        <h2>{dictionary.placeholder.title}</h2>
        <p>{dictionary.placeholder.body}</p>
      </section>
    </>
  );
}
