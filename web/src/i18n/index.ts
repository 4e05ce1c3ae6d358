// i18next with Persian by default; the choice is remembered in localStorage and mirrored on <html dir lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import fa from './fa';
import en from './en';

export type Language = 'fa' | 'en';
const STORAGE_KEY = 'msk.lang';

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fa';
  } catch {
    return 'fa';
  }
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'fa' ? 'rtl' : 'ltr';
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fa';
}

function mirrorOnDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await i18n.changeLanguage(language);
  mirrorOnDocument(language);
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { fa: { translation: fa }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'fa',
  interpolation: { escapeValue: false },
  returnNull: false,
});
mirrorOnDocument(initial);

export default i18n;
