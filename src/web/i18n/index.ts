/**
 * i18next with Swedish as the default and English as the switch (remembered in localStorage).
 * Each module contributes its own `{ sv, en }` texts under its name (src/web/modules/index.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { moduleTexts } from '../modules/texts.ts';
import { common } from './common.ts';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'fullfolj.language';

/** Every namespace's texts per language: the shell's under `common`, each module's under its name. */
export function allTexts(lang: Language): Record<string, unknown> {
  return { common: common[lang], ...Object.fromEntries(Object.entries(moduleTexts).map(([name, t]) => [name, t[lang]])) };
}

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
const initial: Language = stored === 'en' ? 'en' : 'sv';

void i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'sv',
  resources: { sv: { translation: allTexts('sv') }, en: { translation: allTexts('en') } },
  interpolation: { escapeValue: false },
});
if (typeof document !== 'undefined') document.documentElement.lang = initial;

/** Switches the language, remembers it and updates `<html lang>`. */
export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
}
