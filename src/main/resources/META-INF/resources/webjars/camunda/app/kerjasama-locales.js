// Kerjasama: Bahasa Indonesia (id) and English (en), see docs/localization.md.
// Imported by the scripts/config.js of Tasklist, Cockpit, Admin and Welcome.
// The webapp shows the first language of the browser if it is listed in
// availableLocales, otherwise fallbackLocale. "?lang=en" or "?lang=id" in the
// address pins a language for this browser (kept in localStorage under
// "kerjasama.lang"); "?lang=auto" returns to the browser language.
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
  if (KERJASAMA_LOCALES.includes(pinned)) {
    return {availableLocales: [pinned], fallbackLocale: pinned};
  }
  return {availableLocales: KERJASAMA_LOCALES, fallbackLocale: 'en'};
}
