import Link from 'next/link';
import type { Dictionary } from '../i18n/japanese';
import type { Language } from '../i18n/language';
import { LanguageToggle } from './language-toggle';

/** The top bar: the app's name, the links to each view and the language toggle. */
export function NavigationBar({
  dictionary,
  language,
}: {
  readonly dictionary: Dictionary;
  readonly language: Language;
}) {
  const links = [
    { href: '/', text: dictionary.navigation.csm },
    { href: '/customers', text: dictionary.navigation.customers },
    { href: '/executive', text: dictionary.navigation.executive },
    { href: '/funnel', text: dictionary.navigation.funnel },
    { href: '/support', text: dictionary.navigation.support },
    { href: '/noise', text: dictionary.navigation.noise },
  ];
  return (
    <header className="top-bar">
      <Link href="/" className="brand">
        {dictionary.appName}
      </Link>
      <nav aria-label={dictionary.navigation.label}>
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.text}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageToggle
        language={language}
        label={dictionary.switchLanguageLabel}
        text={dictionary.switchLanguage}
      />
    </header>
  );
}
