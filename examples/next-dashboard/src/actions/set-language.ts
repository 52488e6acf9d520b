'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { type Language, languageCookie } from '../i18n/language';

/** Server action: keeps the chosen UI language in a cookie for a year and re-renders. */
export async function setLanguage(language: Language): Promise<void> {
  const store = await cookies();
  store.set(languageCookie, language === 'en' ? 'en' : 'ja', {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
  });
  revalidatePath('/', 'layout');
}
