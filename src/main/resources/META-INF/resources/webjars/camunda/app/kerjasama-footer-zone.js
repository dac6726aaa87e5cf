// Kerjasama: the footer's time zone, named the way officers say it (docs/localization.md).
// Imported by the scripts/config.js of Tasklist, Cockpit, Admin and Welcome, like kerjasama-locales.js.
//
// Every app's footer says "Tanggal dan waktu ditampilkan dalam zona waktu lokal:" followed by the
// browser's IANA zone (Intl), e.g. "Asia/Makassar", or "UTC" on a machine set to UTC. Officers know
// WIB, WITA and WIT; other zones keep their name and get their offset, so a device set to UTC says
// so plainly ("UTC (UTC+00.00, bukan WIB/WITA/WIT)") instead of looking like the application's own time.
const INDONESIAN_ZONES = {
  'Asia/Jakarta': 'WIB (Waktu Indonesia Barat)',
  'Asia/Pontianak': 'WIB (Waktu Indonesia Barat)',
  'Asia/Makassar': 'WITA (Waktu Indonesia Tengah)',
  'Asia/Ujung_Pandang': 'WITA (Waktu Indonesia Tengah)',
  'Asia/Jayapura': 'WIT (Waktu Indonesia Timur)'
};

/** The zone as the footer names it; offsetMinutes east of UTC (WITA: 480). */
export function zoneLabel(zone, offsetMinutes) {
  if (INDONESIAN_ZONES[zone]) {
    return INDONESIAN_ZONES[zone];
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}.${String(abs % 60).padStart(2, '0')}`;
  return `${zone || 'tidak diketahui'} (${offset}, bukan WIB/WITA/WIT)`;
}

// The footer directive writes the IANA name into <i> once it is rendered (and again when Angular
// re-renders it): whenever that <i> holds text we did not write, it is renamed.
function nameFooterZone() {
  const slot = document.querySelector('#footer-timezone i:not(.ks-zone)');
  if (!slot || !slot.textContent.trim()) {
    return;
  }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  slot.classList.add('ks-zone');
  slot.textContent = zoneLabel(zone, -new Date().getTimezoneOffset());
}

let watching = false;

/** Names the footer's zone now and whenever the footer is (re)rendered; once per page. */
export function watchFooterZone() {
  if (watching) {
    return;
  }
  watching = true;
  const begin = () => {
    let scheduled = false;
    new MutationObserver(() => {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          nameFooterZone();
        });
      }
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
    nameFooterZone();
  };
  if (document.body) {
    begin();
  } else {
    document.addEventListener('DOMContentLoaded', begin);
  }
  window.kerjasamaZone = {zoneLabel};
}
