import { cookies } from 'next/headers';
import { english } from './english';
import { type Dictionary, japanese } from './japanese';

/** The UI languages: Japanese (the default) and English. */
export type Language = 'ja' | 'en';

/** The cookie that keeps the chosen language. */
export const languageCookie = 'kizuna-language';

/** The dictionary of a language. */
export function dictionaryOf(language: Language): Dictionary {
  return language === 'en' ? english : japanese;
}

/** The language of this request: the cookie's, else Japanese. */
export async function currentLanguage(): Promise<Language> {
  const store = await cookies();
  return store.get(languageCookie)?.value === 'en' ? 'en' : 'ja';
}

/** The language of this request and its dictionary. */
export async function currentDictionary(): Promise<{ language: Language; dictionary: Dictionary }> {
  const language = await currentLanguage();
  return { language, dictionary: dictionaryOf(language) };
}
