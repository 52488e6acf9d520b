'use client';

import { useTransition } from 'react';
import { setLanguage } from '../actions/set-language';
import type { Language } from '../i18n/language';

/** The button that switches between Japanese and English (kept in a cookie). */
export function LanguageToggle({
  language,
  label,
  text,
}: {
  readonly language: Language;
  readonly label: string;
  readonly text: string;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="language-toggle"
      aria-label={`${text} — ${label}`}
      disabled={pending}
      onClick={() => startTransition(() => setLanguage(language === 'ja' ? 'en' : 'ja'))}
    >
      {text}
    </button>
  );
}
