// Kerjasama: Indonesian data entry in the Camunda Forms of Tasklist (form-js).
// Loaded by scripts/config.js (customScripts); docs/localization.md explains why.
//
// form-js 1.x, bundled in Tasklist 7.24, gives its date fields a flatpickr
// whose format follows the browser's default locale (Intl "default"): an
// English browser reads a typed 15/03/2027 as month 15 and stores 3 March 2028.
// Its number fields take one dot as the decimal point, so 1.500.000.000
// becomes 1.50. Neither has an option Tasklist passes on. This script:
//  - dates: every form-js date picker gets flatpickr's format d/m/Y
//    (15/03/2027), Indonesian month and day names and weeks from Monday; a
//    typed date is read strictly (31/02/2027, 15/03/27 or 03/15/2027 are
//    refused with a message under the field, never rolled over);
//  - numbers: every form-js number field is shown through a text field that
//    takes the Indonesian way (1.500.000.000, Rp 1.500.000,50), hands the exact
//    value to form-js and shows it again grouped by dots;
//  - the task cannot be completed (or the process started) while such a
//    message is open; pressing "Selesaikan"/"Mulai" then (also while it is
//    disabled) scrolls the first field with a message, ours or form-js',
//    into view and focuses it;
//  - form-js' English messages and placeholders ("Field is required.",
//    "Select", "Search") are rewritten in Indonesian;
//  - links of a form to /api (the upload page) open in a new tab, so nothing
//    typed in the form is lost.
//  - a refusal of the server ("Data tidak valid: …" in Tasklist's toast) is
//    also shown under the field each of its problems names (a problem starts
//    with the field's label, platform/forms/FormValues); the toast stays.
//  - nothing typed is lost: form-js commits what is typed in a text field
//    300 ms later (its "debounce"), reading the field again at that moment;
//    a form re-rendered in between (another field committing, e.g. a date
//    field, which commits in an effect after the next frame) writes the
//    previous value back into the field and the late commit then takes that.
//    Every form is therefore created with form-js' own option
//    `debounce: false` (Tasklist passes none), so the form holds what the
//    field shows after every keystroke; date pickers are created with the
//    Indonesian settings instead of being changed afterwards (flatpickr's
//    set() rewrites the field from its last parsed date, wiping what was
//    typed); "Selesaikan"/"Mulai" wait until the fields have committed.
// form-js still stores ISO dates (2027-03-15) and plain numbers; the server
// parses both once more (platform/forms/FormValues) and refuses what is not
// plausible. To be re-checked at every Camunda upgrade: IndonesianDataEntryBrowserIT.

const ID_LOCALE = {
  weekdays: {
    shorthand: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
    longhand: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    longhand: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
      'November', 'Desember']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' - ',
  weekAbbreviation: 'Mg',
  scrollTitle: 'Gulir untuk menambah',
  toggleTitle: 'Klik untuk mengganti',
  time_24hr: true
};
const DATE_FORMAT = 'd/m/Y';
const DATE_PLACEHOLDER = 'hh/bb/tttt';
const DATE_TYPED = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const DATE_HINT = 'Tulis tanggal sebagai hari/bulan/tahun, mis. 15/03/2027.';
const AMOUNT_HINT = 'Tulis angka dengan titik pemisah ribuan dan koma sebelum desimal, mis. 1.500.000 atau 1.500.000,50.';
// A double holds every amount below 2^53 / 100 exactly to the cent.
const LARGEST_EXACT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

// form-js asks Intl for the "default" locale to build the date format; answer
// with two-digit Indonesian dates so the picker is dd/mm/yyyy from its first
// moment (the observer below makes sure of it afterwards as well).
(function pinFormJsDateFormat() {
  const Native = Intl.DateTimeFormat;
  if (Native.kerjasama) {
    return;
  }
  function DateTimeFormat(locales, options) {
    if (locales === 'default' && options === undefined) {
      return new Native('id-ID', {day: '2-digit', month: '2-digit', year: 'numeric'});
    }
    return new Native(locales, options);
  }
  DateTimeFormat.prototype = Native.prototype;
  DateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  DateTimeFormat.kerjasama = true;
  Intl.DateTimeFormat = DateTimeFormat;
})();

// ---- form-js and flatpickr, reached through webpack ------------------------

// Tasklist bundles form-js and flatpickr in lib/deps.js (webpack 5) and
// exposes neither. A chunk pushed onto webpack's chunk list with a runtime
// callback is handed webpack's require, with which the two modules are
// found by what they contain (module ids change with every Camunda build).
const hooks = {formDebounceOff: false, datePickerDefaults: false, unitPrefill: false};

function webpackRequire() {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!Array.isArray(chunks) || chunks.push === Array.prototype.push) {
    return null;
  }
  let found = null;
  chunks.push([[`kerjasama-forms-${Date.now()}`], {}, require => {
    found = require;
  }]);
  return found && found.m ? found : null;
}

/** The first export of a module whose source contains every marker and that passes the test. */
function findExport(require, markers, test) {
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (!markers.every(marker => source.includes(marker))) {
      continue;
    }
    let exports;
    try {
      exports = require(id);
    } catch (e) {
      continue;
    }
    const candidates = [exports, exports && exports.default]
      .concat(exports ? Object.keys(exports).map(key => exports[key]) : []);
    const match = candidates.find(candidate => {
      try {
        return test(candidate);
      } catch (e) {
        return false;
      }
    });
    if (match) {
      return match;
    }
  }
  return null;
}

/**
 * Every form-js viewer (task and start forms) is created with
 * `debounce: false`: a field's value reaches the form on each keystroke,
 * so no re-render can put an older value back into the field.
 */
function turnOffFormDebounce(require) {
  const Form = findExport(require, ['_createInjector', 'validateFieldInstance'],
    candidate => typeof candidate === 'function' && candidate.prototype
      && typeof candidate.prototype._createInjector === 'function'
      && typeof candidate.prototype.submit === 'function'
      && typeof candidate.prototype.importSchema === 'function');
  if (!Form) {
    return false;
  }
  if (!Form.prototype._createInjector.kerjasama) {
    const original = Form.prototype._createInjector;
    const createInjector = function (options, container) {
      return original.call(this, {...(options || {}), debounce: false}, container);
    };
    createInjector.kerjasama = true;
    Form.prototype._createInjector = createInjector;
  }
  if (!Form.prototype.importSchema.kerjasama) {
    const originalImport = Form.prototype.importSchema;
    const importSchema = function (schema, data, ...rest) {
      return userUnits().then(units => originalImport.call(this, schema, withOwnUnit(schema, data, units), ...rest));
    };
    importSchema.kerjasama = true;
    Form.prototype.importSchema = importSchema;
    hooks.unitPrefill = true;
  }
  return true;
}

// ---- the start form: the officer's own unit --------------------------------

// The start form asks for the proposing unit ("Unit pengusul", key
// proposerUnit) out of every unit. An officer of one unit gets it filled in;
// an officer of several (or Fasker, who registers for any unit) chooses. The
// server still decides: lifecycle/ProposalForm refuses a unit the user does
// not belong to, whatever the form sent.
const UNIT_FIELD = 'proposerUnit';
let unitsOfUser = null;

/** The ids of the signed-in user's groups (Tasklist's own identity API), or [] when they cannot be read in time. */
function userUnits() {
  if (!unitsOfUser) {
    const read = fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})
      .then(response => response.ok ? response.json() : Promise.reject(response.status))
      .then(user => fetch('/camunda/api/engine/engine/default/identity/groups?userId='
        + encodeURIComponent(user.userId), {credentials: 'same-origin', headers: {Accept: 'application/json'}}))
      .then(response => response.ok ? response.json() : Promise.reject(response.status))
      .then(answer => (answer.groups || []).map(group => group.id))
      .catch(() => []);
    const late = new Promise(resolve => setTimeout(() => resolve([]), 3000));
    unitsOfUser = Promise.race([read, late]).then(units => {
      if (!units.length) {
        unitsOfUser = null; // try again with the next form
      }
      return units;
    });
  }
  return unitsOfUser;
}

function findComponent(components, key) {
  for (const component of components || []) {
    if (component.key === key) {
      return component;
    }
    const inner = findComponent(component.components, key);
    if (inner) {
      return inner;
    }
  }
  return null;
}

/** The form's data with the unit filled in when the form asks for it, has none yet and exactly one fits. */
function withOwnUnit(schema, data, units) {
  const field = schema && findComponent(schema.components, UNIT_FIELD);
  if (!field || !Array.isArray(field.values) || (data && data[UNIT_FIELD])) {
    return data;
  }
  const offered = new Set(field.values.map(option => option.value));
  const own = units.filter(unit => offered.has(unit));
  return own.length === 1 ? {...(data || {}), [UNIT_FIELD]: own[0]} : data;
}

/** Date pickers are born Indonesian and strict (see configureDatePicker for one created before this ran). */
function setDatePickerDefaults(require) {
  const flatpickr = findExport(require, ['onValueUpdate', 'setDefaults'],
    candidate => typeof candidate === 'function' && typeof candidate.setDefaults === 'function'
      && candidate.l10ns && candidate.defaultConfig);
  if (!flatpickr) {
    return false;
  }
  flatpickr.setDefaults({locale: ID_LOCALE, parseDate: parseDateOfPicker});
  return true;
}

(function installHooks() {
  let require = null;
  try {
    require = webpackRequire();
    hooks.formDebounceOff = !!require && turnOffFormDebounce(require);
    hooks.datePickerDefaults = !!require && setDatePickerDefaults(require);
  } catch (e) {
    // reported below
  }
  if (!hooks.formDebounceOff || !hooks.datePickerDefaults) {
    console.warn('kerjasama-forms: form-js/flatpickr not found in lib/deps.js; re-check after a Camunda upgrade',
      hooks);
  }
})();

function fieldOf(input) {
  return input.closest('.fjs-form-field') || input.parentElement;
}

function showProblem(input, message) {
  const field = fieldOf(input);
  let box = field.querySelector(':scope > .ks-field-error');
  if (!message) {
    if (box) {
      box.remove();
    }
    input.removeAttribute('aria-invalid');
    return;
  }
  if (!box) {
    box = document.createElement('div');
    box.className = 'ks-field-error';
    box.setAttribute('role', 'alert');
    field.append(box);
  }
  box.textContent = message;
  input.setAttribute('aria-invalid', 'true');
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** "15/03/2027" → {text: "15/03/2027", date}; null when it is no real date. */
function readTypedDate(text) {
  const m = DATE_TYPED.exec(text);
  if (!m) {
    return null;
  }
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return {text: `${pad(day)}/${pad(month)}/${year}`, date};
}

// ---- dates ---------------------------------------------------------------

/** The form-js date field whose flatpickr has this configuration (flatpickr calls parseDate on its config). */
function inputOfPickerConfig(config) {
  return Array.from(document.querySelectorAll('.fjs-form .fjs-datepicker input'))
    .find(input => input._flatpickr && input._flatpickr.config === config) || null;
}

// flatpickr's own parser rolls 31/02 over to 03/03 and reads any format it
// is given; this one takes a real day/month/year or nothing. flatpickr
// clears the field for "nothing"; the message keeps what was typed.
function parseDateOfPicker(text) {
  const input = inputOfPickerConfig(this);
  const typed = readTypedDate(String(text));
  if (input) {
    showProblem(input, typed ? null : `"${String(text).trim()}" bukan tanggal. ${DATE_HINT}`);
  }
  return typed ? typed.date : undefined;
}

function configureDatePicker(input) {
  const picker = input._flatpickr;
  if (!picker || input.dataset.ksDate === 'ready') {
    return;
  }
  input.dataset.ksDate = 'ready';
  input.placeholder = DATE_PLACEHOLDER;
  if (picker.config.parseDate === parseDateOfPicker) {
    return; // created with the defaults above
  }
  // Fallback when the defaults could not be installed: set() rewrites the
  // field from the picker's last parsed date, so text typed before this ran
  // would be wiped; it is put back.
  const shown = picker.selectedDates.length ? picker.formatDate(picker.selectedDates[0], picker.config.dateFormat) : '';
  const typed = input.value;
  picker.set({locale: ID_LOCALE, dateFormat: DATE_FORMAT, parseDate: parseDateOfPicker});
  if (typed !== shown && input.value !== typed) {
    input.value = typed;
  }
}

// ---- numbers -------------------------------------------------------------

/** Decimals the form-js field allows, from its step attribute ("1", "0.01", "1e-2"). */
function decimalsOf(original) {
  const step = Number(original.getAttribute('step') || '1');
  if (!(step > 0) || step >= 1) {
    return 0;
  }
  return Math.min(10, Math.round(-Math.log10(step)));
}

/**
 * "1.500.000.000" → "1500000000", "Rp 1.500.000,50" → "1500000.50", "" → "".
 * Throws a message for anything ambiguous (1,500,000) or not a number.
 */
function parseAmount(text, decimals) {
  let s = text.replace(/\u00a0/g, ' ').trim().replace(/^(rp\.?|idr)\s*/i, '').replace(/ /g, '');
  if (!s) {
    return '';
  }
  if (s.startsWith('-')) {
    throw new Error('Angka tidak boleh negatif.');
  }
  let whole;
  let fraction = '';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    [whole, fraction = ''] = s.split(',');
    whole = whole.replace(/\./g, '');
  } else {
    throw new Error(`"${text.trim()}" bukan angka. ${AMOUNT_HINT}`);
  }
  if (fraction.length > decimals) {
    throw new Error(decimals === 0 ? 'Isi bilangan bulat, tanpa koma.'
      : `Paling banyak ${decimals} angka di belakang koma.`);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  if (Number(whole) > LARGEST_EXACT) {
    throw new Error('Angka terlalu besar.');
  }
  return fraction ? `${whole}.${fraction}` : whole;
}

/** "1500000000" → "1.500.000.000", "1500000.5" → "1.500.000,50" (for two decimals). */
function formatAmount(plain, decimals) {
  if (plain === '' || plain === null || plain === undefined || isNaN(Number(plain))) {
    return '';
  }
  const [whole, fraction = ''] = String(plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (!fraction || /^0*$/.test(fraction)) {
    return grouped;
  }
  return `${grouped},${decimals > 0 ? fraction.padEnd(decimals, '0') : fraction}`;
}

function setNativeValue(input, value) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
}

function enhanceNumber(original) {
  if (original.dataset.ksAmount) {
    return;
  }
  original.dataset.ksAmount = 'hidden';
  const decimals = decimalsOf(original);
  const view = document.createElement('input');
  view.type = 'text';
  view.className = 'fjs-input ks-amount';
  view.inputMode = decimals > 0 ? 'decimal' : 'numeric';
  view.autocomplete = 'off';
  view.id = original.id;
  original.id = `${original.id}-nilai`;
  view.readOnly = original.readOnly;
  view.disabled = original.disabled;
  view.required = original.required;
  view.setAttribute('aria-describedby', original.getAttribute('aria-describedby') || '');
  view.value = formatAmount(original.value, decimals);
  original.style.display = 'none';
  original.setAttribute('aria-hidden', 'true');
  original.tabIndex = -1;
  original.after(view);
  const arrows = fieldOf(original).querySelector('.fjs-number-arrow-container');
  if (arrows) {
    arrows.style.display = 'none';
  }
  let pushed = original.value;

  const push = () => {
    let plain;
    try {
      plain = parseAmount(view.value, decimals);
    } catch (e) {
      showProblem(view, e.message);
      return false;
    }
    showProblem(view, null);
    if (plain !== pushed) {
      setNativeValue(original, plain);
      original.dispatchEvent(new Event('input', {bubbles: true}));
      pushed = plain;
    }
    // form-js applies a number after its debounce or on blur: flush it now
    original.dispatchEvent(new FocusEvent('blur'));
    return true;
  };
  view.addEventListener('blur', () => {
    if (push()) {
      view.value = formatAmount(pushed, decimals);
    }
  });
  view.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      push();
    }
  });
  view.addEventListener('input', () => showProblem(view, null));
}

// ---- completing ----------------------------------------------------------

function openProblems(scope) {
  return Array.from((scope || document).querySelectorAll('.fjs-form .ks-field-error'));
}

/** "Selesaikan" of a task with a Camunda Form, or "Mulai" of a start form; null for any other button. */
function completionButton(target) {
  const button = target instanceof Element && target.closest('button');
  if (!button) {
    return null;
  }
  if (button.matches('[ng-click="complete()"]')) {
    return document.querySelector('.fjs-form') ? button : null;
  }
  const modal = button.closest('.modal');
  return modal && button.closest('.modal-footer') && button.classList.contains('btn-primary')
    && modal.querySelector('.fjs-form') ? button : null;
}

/** Resolves after the next frame has been painted (or 150 ms when the page is not painted, e.g. hidden). */
function afterNextFrame() {
  return new Promise(resolve => {
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        setTimeout(resolve, 0);
      }
    };
    requestAnimationFrame(go);
    setTimeout(go, 150);
  });
}

// A date field hands its value to the form in an effect after the next
// frame (form-js' Datetime), so a click that follows the last keystroke at
// once could complete the task without that date. Two frames are enough
// for that effect and the form's re-render after it.
async function settle() {
  await afterNextFrame();
  await afterNextFrame();
}

// "Selesaikan"/"Mulai": the field being typed in is committed, the form is
// given time to settle, and only then is the click let through -- unless a
// field shows one of our messages, which is scrolled into view instead.
// Capture on document runs before AngularJS' ng-click on the button.
function completeWhenSettled(event) {
  const button = completionButton(event.target);
  if (!button) {
    return;
  }
  if (button.dataset.ksSettled === 'yes') {
    return; // the click re-issued below
  }
  clearServerProblems(); // the server checks anew
  event.preventDefault();
  event.stopImmediatePropagation();
  if (button.dataset.ksSettling === 'yes') {
    return;
  }
  button.dataset.ksSettling = 'yes';
  const active = document.activeElement;
  if (active && active.closest && active.closest('.fjs-form') && active.blur) {
    active.blur();
  }
  settle().then(() => {
    delete button.dataset.ksSettling;
    if (openProblems().length || button.disabled) {
      revealFirstProblem();
      return;
    }
    button.dataset.ksSettled = 'yes';
    try {
      button.click();
    } finally {
      delete button.dataset.ksSettled;
    }
    // form-js checks every field when the form is submitted: what it refused is shown,
    // and Tasklist's toast names it
    afterNextFrame().then(() => {
      if (revealFirstProblem()) {
        pointToastsAtProblem();
      }
    });
  });
}

/**
 * The first field with a message (ours or form-js') is scrolled to the
 * middle of the screen and focused, so the officer sees what to correct
 * instead of a button that does nothing. True when there was one.
 */
function revealFirstProblem() {
  const message = Array.from(document.querySelectorAll(
    '.fjs-form .fjs-form-field-error li, .fjs-form .ks-field-error'))
    .find(node => node.offsetParent !== null && node.textContent.trim());
  if (!message) {
    return false;
  }
  const field = message.closest('.fjs-form-field') || message.parentElement;
  const control = Array.from(field.querySelectorAll('input, textarea, select, [tabindex]:not([tabindex="-1"])'))
    .find(node => !node.disabled && node.offsetParent !== null && node.getAttribute('aria-hidden') !== 'true');
  field.scrollIntoView({block: 'center'});
  if (control) {
    control.focus({preventScroll: true});
  }
  return true;
}

// "Selesaikan"/"Mulai" are disabled while form-js knows of a problem, and a
// disabled button receives no click. user-styles.css lets such a click fall
// through to what is under the button, where it is taken as a press of it.
function pressOnDisabledCompletion(event) {
  if (!(event.target instanceof Element) || event.target.closest('button:not([disabled]), a, input, textarea, select')) {
    return;
  }
  const disabled = document.querySelectorAll('.form-actions button.btn-primary[disabled],'
    + ' .modal-footer button.btn-primary[disabled]');
  const pressed = Array.from(disabled).find(button => {
    const box = button.getBoundingClientRect();
    return event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top
      && event.clientY <= box.bottom;
  });
  if (pressed && completionButton(pressed)) {
    revealFirstProblem();
  }
}

// ---- form-js' own messages and placeholders -------------------------------

// English literals in form-js (Validator and field components), not
// translation keys; rewritten where they appear. Checked by
// IndonesianDataEntryBrowserIT; to be re-checked at every Camunda upgrade.
const MESSAGES = [
  [/^Field is required\.$/, () => 'Wajib diisi.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Paling sedikit ${m[1]} karakter.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Paling banyak ${m[1]} karakter.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Paling kecil ${formatAmount(m[1], 2) || m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Paling besar ${formatAmount(m[1], 2) || m[1]}.`],
  [/^Field must match pattern (.+)\.$/, () => 'Isian tidak sesuai format yang diminta.'],
  [/^Field must be a valid email\.$/, () => 'Isi alamat e-mail yang benar.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Isi nomor telepon internasional, mis. +62211234567.'],
  [/^Date and time must both be entered\.$/, () => 'Tanggal dan jam harus diisi keduanya.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Pilih nilai yang sah; dua nilai terdekat: ${m[1]} dan ${m[2]}.`],
  [/^Value is expected to be an integer\.?$/, () => 'Isi bilangan bulat.'],
  [/^No results$/, () => 'Tidak ada hasil'],
  [/^All values selected$/, () => 'Semua pilihan sudah dipilih'],
  [/^Select$/, () => 'Pilih']
];
const PLACEHOLDERS = {Search: 'Cari', Select: 'Pilih'};

function translate(text) {
  for (const [pattern, replacement] of MESSAGES) {
    const m = pattern.exec(text.trim());
    if (m) {
      return replacement(m);
    }
  }
  return null;
}

function translateFormJs(root) {
  root.querySelectorAll('.fjs-form .fjs-form-field-error li, .fjs-form .fjs-form-field-error span,'
    + ' .fjs-form .fjs-dropdownlist-empty, .fjs-form .fjs-select-display').forEach(node => {
    node.childNodes.forEach(child => {
      if (child.nodeType === Node.TEXT_NODE) {
        const translated = translate(child.data);
        if (translated && translated !== child.data) {
          child.data = translated;
        }
      }
    });
  });
  root.querySelectorAll('.fjs-form input[placeholder]').forEach(input => {
    const translated = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (translated) {
      input.setAttribute('placeholder', translated);
    }
  });
}

// ---- the start form: nothing typed thrown away unasked ----------------------

// Tasklist's start dialog closes on Esc (also an Esc meant for an open
// dropdown of the form), on "Tutup" and "Kembali", and everything typed is
// gone. Once something was typed, Esc inside the form only closes what the
// field opened, and closing the dialog asks first.
const DISCARD_QUESTION = 'Isian formulir yang sudah diketik akan dibuang. Tutup formulir ini?';
let closingConfirmed = false;

function startDialog(node) {
  const modal = node instanceof Element && node.closest('.modal');
  // task forms are shown in the page; a Camunda Form in a dialog is a start form
  return modal && modal.querySelector('.fjs-form') ? modal : null;
}

function markTyped(event) {
  const modal = startDialog(event.target);
  if (modal && event.target.closest('.fjs-form')) {
    modal.dataset.ksTyped = 'yes';
  }
}

function typedIn(modal) {
  return modal && modal.dataset.ksTyped === 'yes';
}

/** Esc: bubbling, on body, before the dialog's own handler on document. */
function escapeInStartForm(event) {
  if (event.key !== 'Escape' && event.key !== 'Esc') {
    return;
  }
  const modal = startDialog(event.target) || startDialog(document.querySelector('.modal .fjs-form'));
  if (!typedIn(modal)) {
    return;
  }
  // the dialog's own Esc handler (on document) leaves an event alone whose default was prevented;
  // form-js still gets the key and closes its dropdown
  event.preventDefault();
  if (event.target instanceof Element && event.target.closest('.fjs-form')) {
    return; // the field closed its dropdown; the form stays
  }
  if (window.confirm(DISCARD_QUESTION)) {
    closeDialog(modal);
  }
}

function closeDialog(modal) {
  const close = modal.querySelector('[ng-click="$dismiss()"]');
  if (close) {
    closingConfirmed = true;
    try {
      close.click();
    } finally {
      closingConfirmed = false;
    }
  }
}

/** "Tutup", "Kembali", the dialog's × or a click beside the dialog: capture, before AngularJS. */
function closingClick(event) {
  if (closingConfirmed || !(event.target instanceof Element)) {
    return;
  }
  const modal = startDialog(event.target);
  if (!typedIn(modal)) {
    return;
  }
  const closer = event.target.closest('[ng-click="$dismiss()"], [ng-click="back()"], .modal-header .close');
  if (!closer && event.target !== modal) {
    return;
  }
  if (!window.confirm(DISCARD_QUESTION)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

// ---- after starting: the registration number --------------------------------

// Tasklist says only that the process was started. The lifecycle's start
// registers the proposal and gives it its number (the business key and the
// variable registrationNumber); the officer gets it shown and can copy it.
const SUBMIT_FORM = /\/process-definition\/(?:key\/[^/]+|[^/]+)\/submit-form(?:\?|$)/;

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  if (open.kerjasama) {
    return;
  }
  const watchedOpen = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && SUBMIT_FORM.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status === 200) {
          try {
            started(JSON.parse(this.responseText));
          } catch (e) {
            // not our answer
          }
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
  watchedOpen.kerjasama = true;
  XMLHttpRequest.prototype.open = watchedOpen;
}

function started(instance) {
  if (!instance || !instance.id) {
    return;
  }
  fetch('/camunda/api/engine/engine/default/process-instance/' + encodeURIComponent(instance.id)
    + '/variables/registrationNumber', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : null)
    .then(variable => variable && variable.value ? variable.value : null)
    .catch(() => null)
    .then(number => {
      if (number) {
        showRegistrationNumber(number);
      }
    });
}

function showRegistrationNumber(number) {
  const old = document.querySelector('.ks-started-notice');
  if (old) {
    old.remove();
  }
  const notice = document.createElement('div');
  notice.className = 'ks-started-notice alert alert-success';
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-live', 'polite');
  const text = document.createElement('span');
  text.append('Usulan kerja sama terdaftar dengan nomor registrasi ');
  const strong = document.createElement('strong');
  strong.className = 'ks-registration-number';
  strong.textContent = number;
  text.append(strong, '. Catat nomor ini untuk mencari kerja sama dan tugasnya.');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Tutup');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(close, text);
  Object.assign(notice.style, {position: 'fixed', top: '56px', left: '50%', transform: 'translateX(-50%)',
    zIndex: 1060, maxWidth: 'min(640px, 94vw)', boxShadow: '0 2px 8px rgba(0,0,0,.25)'});
  document.body.appendChild(notice);
}

// ---- Tasklist's message after form-js refused a form --------------------------

// When form-js refuses what was typed, Tasklist adds a toast of its own
// ("Terjadi kesalahan saat mengirim formulir", in English for an English
// browser) that says nothing of what is wrong. The first field with a message
// is already scrolled into view; the toast now names it.
function firstProblem() {
  const message = Array.from(document.querySelectorAll(
    '.fjs-form .fjs-form-field-error li, .fjs-form .ks-field-error'))
    .find(node => node.offsetParent !== null && node.textContent.trim());
  if (!message) {
    return null;
  }
  const field = message.closest('.fjs-form-field') || message.parentElement;
  const label = field && field.querySelector('label');
  return {label: label ? label.textContent.replace(/\*\s*$/, '').trim() : '', message: message.textContent.trim()};
}

function pointerText(problem) {
  return problem.label
    ? `Periksa isian "${problem.label}": ${problem.message} Kolom itu sudah ditampilkan di layar.`
    : `Periksa isian formulir: ${problem.message} Kolom itu sudah ditampilkan di layar.`;
}

/** For a second after a refused press, toasts that appear are rewritten to point at the first problem. */
function pointToastsAtProblem() {
  const problem = firstProblem();
  if (!problem) {
    return;
  }
  const rewrite = () => document.querySelectorAll('.notifications .alert:not(.ks-pointer)').forEach(alert => {
    if (!alert.classList.contains('alert-danger') && !alert.classList.contains('alert-warning')) {
      return;
    }
    alert.classList.add('ks-pointer');
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    if (status) {
      status.textContent = 'Formulir belum dapat dikirim.';
    }
    if (message) {
      message.textContent = pointerText(problem);
    } else {
      alert.append(' ' + pointerText(problem));
    }
  });
  rewrite();
  const watcher = new MutationObserver(rewrite);
  watcher.observe(document.body, {childList: true, subtree: true});
  setTimeout(() => watcher.disconnect(), 1500);
}

// ---- the server's refusal beside its field --------------------------------

// The server checks again what form-js accepted (platform/forms/FormValues and
// the validators) and refuses with every problem, each beginning with the
// label of the field it concerns: "Data tidak valid: Tanggal berakhir harus
// sesudah tanggal mulai berlaku; LoI … belum diunggah". Tasklist shows that
// only in its toast; each problem naming a field of the open form is also put
// under that field (the toast keeps all of them), and the first such field is
// scrolled into view. The message goes when the field is changed or the form
// is sent again (the server then checks anew); it does not block sending.
const SERVER_REFUSAL = /Data tidak valid:\s*/;

function labelOf(field) {
  const label = field.querySelector('label');
  return label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
}

/** The form field whose label the problem begins with (the longest such label, the innermost field); null if none. */
function fieldNamedBy(problem, fields) {
  let best = null;
  fields.forEach(field => {
    const label = labelOf(field);
    if (label && problem.toLowerCase().startsWith(label.toLowerCase())
        && !/[\p{L}\p{N}]/u.test(problem.charAt(label.length))
        && (!best || label.length >= labelOf(best).length)) {
      best = field;
    }
  });
  return best;
}

function clearServerProblems() {
  document.querySelectorAll('.fjs-form .ks-server-error').forEach(box => box.remove());
}

function placeServerProblems() {
  const form = document.querySelector('.fjs-form');
  if (!form) {
    return;
  }
  document.querySelectorAll('.notifications .alert-danger:not(.ks-server-placed)').forEach(alert => {
    const node = alert.querySelector('.message') || alert;
    const text = node.textContent.trim();
    const at = text.search(SERVER_REFUSAL);
    if (at < 0) {
      return; // not (yet) the server's refusal of the values
    }
    alert.classList.add('ks-server-placed');
    clearServerProblems();
    const fields = Array.from(form.querySelectorAll('.fjs-form-field')).filter(f => f.offsetParent !== null);
    let first = null;
    text.slice(at).replace(SERVER_REFUSAL, '').split(/;\s*/).map(p => p.trim()).filter(Boolean).forEach(problem => {
      const field = fieldNamedBy(problem, fields);
      if (!field) {
        return;
      }
      const box = document.createElement('div');
      box.className = 'ks-server-error';
      box.setAttribute('role', 'alert');
      box.textContent = problem.endsWith('.') ? problem : problem + '.';
      field.append(box);
      first = first || field;
    });
    if (first) {
      first.scrollIntoView({block: 'center'});
    }
  });
}

function clearServerProblemOf(event) {
  const field = event.target instanceof Element && event.target.closest('.fjs-form .fjs-form-field');
  if (field) {
    field.querySelectorAll(':scope > .ks-server-error').forEach(box => box.remove());
  }
}

// ---- wiring --------------------------------------------------------------

// Links of the forms to /api (upload page, registry) open in a new tab, so
// what the officer typed in the form stays where it is.
function linksInNewTab(root) {
  root.querySelectorAll('.fjs-form a[href^="/api/"]:not([target])').forEach(link => {
    link.target = '_blank';
    link.rel = 'noopener';
  });
}

function scan(root) {
  translateFormJs(root);
  linksInNewTab(root);
  root.querySelectorAll('.fjs-form .fjs-datepicker input').forEach(configureDatePicker);
  root.querySelectorAll('.fjs-form .fjs-form-field-number input.fjs-input:not(.ks-amount)').forEach(enhanceNumber);
}

let scheduled = false;
const observer = new MutationObserver(() => {
  // messages are translated at once, before they are painted
  translateFormJs(document);
  placeServerProblems();
  if (!scheduled) {
    scheduled = true;
    // flatpickr is attached in a preact effect after the field is in the DOM
    requestAnimationFrame(() => {
      scheduled = false;
      scan(document);
    });
  }
});

function start() {
  observer.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['class', 'placeholder']});
  document.addEventListener('focusin', event => {
    if (event.target instanceof HTMLInputElement && event.target.closest('.fjs-datepicker')) {
      configureDatePicker(event.target);
    }
  }, true);
  document.addEventListener('click', completeWhenSettled, true);
  document.addEventListener('click', pressOnDisabledCompletion, true);
  document.addEventListener('input', markTyped, true);
  document.addEventListener('change', markTyped, true);
  document.addEventListener('input', clearServerProblemOf, true);
  document.addEventListener('change', clearServerProblemOf, true);
  document.body.addEventListener('keydown', escapeInStartForm);
  document.addEventListener('click', closingClick, true);
  watchStarts();
  scan(document);
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

// Exposed for the browser test and for debugging in the console.
window.kerjasamaForms = {parseAmount, formatAmount, readTypedDate, hooks, withOwnUnit, showRegistrationNumber};
