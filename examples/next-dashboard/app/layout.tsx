import type { ReactNode } from 'react';
import { NavigationBar } from '../src/components/navigation-bar';
import { currentDictionary } from '../src/i18n/language';
import './globals.css';

export const metadata = { title: 'Kizuna' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { language, dictionary } = await currentDictionary();
  return (
    <html lang={language}>
      <body>
        <NavigationBar dictionary={dictionary} language={language} />
        <main className="page">{children}</main>
      </body>
    </html>
  );
}
