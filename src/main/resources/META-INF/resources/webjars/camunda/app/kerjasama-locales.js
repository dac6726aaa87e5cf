// Kerjasama: Bahasa Indonesia (id) and English (en), see docs/localization.md.
// Imported by the scripts/config.js of Tasklist, Cockpit, Admin and Welcome.
// The webapp shows the first language of the browser if it is listed in
// availableLocales, otherwise fallbackLocale. "?lang=en" or "?lang=id" in the
// address pins a language for this browser (kept in localStorage under
// "kerjasama.lang"); "?lang=auto" returns to the browser language.
// The same choice sets <html lang> (Camunda's index.html says "en" always),
// so that screen readers and the browser's spell checking use Indonesian.
export const KERJASAMA_LOCALES = ['id', 'en'];

export function kerjasamaLocales() {
  let pinned = null;
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested) {
      window.localStorage.setItem('kerjasama.lang', requested);
    }
    pinned = window.localStorage.getItem('kerjasama.lang');
  } catch (e) {
    // no localStorage: follow the browser language
  }
  const locales = KERJASAMA_LOCALES.includes(pinned)
    ? {availableLocales: [pinned], fallbackLocale: pinned}
    : {availableLocales: KERJASAMA_LOCALES, fallbackLocale: 'en'};
  document.documentElement.lang = activeLocale(locales);
  return locales;
}

// The language the webapp shows: the browser's first language if available, otherwise the fallback.
function activeLocale(locales) {
  const first = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
    .split('-')[0].toLowerCase();
  return locales.availableLocales.includes(first) ? first : locales.fallbackLocale;
}
