// Kerjasama: the tab "Berkas kerja sama" beside the task form in Tasklist
// (plugin point tasklist.task.detail). Loaded by scripts/config.js
// (customScripts): Tasklist 7.24 imports each custom script as a module and
// registers its default export as a plugin; render(node, {api, taskId}, scope)
// is called each time the tab is shown, and again for another task.
// Plain DOM, no framework, no external library (like the Cockpit plugin).
//
// What a reviewer needs to decide, in Indonesian and without codes or JSON:
// the proposal (title, type, urusan, proposer and partners, dates, the
// proposal's estimated budget and the budget of the plan), the dossier's documents with every version, download
// links and the upload of a new version right here, the work plan or report
// under review beside last year's, and the agreement's timeline of decisions
// with people's names and local (Jakarta) times.
// Data: the task's variable agreementId (engine REST of the Tasklist session),
// then /api/agreements/{id} (its `names` section gives the names of people,
// units, sectors and the document kinds), /work-plans, /reports and
// POST /api/agreements/{id}/documents with the session's CSRF token
// (docs/api.md, docs/security.md "Session calls to /api").

const API = '/api/agreements/';
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober',
  'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const ZONE = 'Asia/Jakarta';

/** Decisions and events of the audit trail, work plans and reports; an unknown code is shown readable, not raw. */
const OUTCOMES = {
  SUBMITTED: 'Diajukan', APPROVED: 'Disetujui', REFUSED: 'Ditolak', RETURNED: 'Dikembalikan',
  SUPPORTED: 'Didukung', NOT_SUPPORTED: 'Tidak didukung', SUPPORT: 'Mendukung', UPLOADED: 'Diunggah',
  SIGNED: 'Ditandatangani', RECOMMENDED: 'Direkomendasikan', NOT_RECOMMENDED: 'Tidak direkomendasikan',
  COMPLETED: 'Selesai', COMPLETE: 'Lengkap', TERMINATED: 'Diakhiri', LAPSED: 'Gugur', EXPIRED: 'Berakhir',
  IMPORTED: 'Diimpor', ACCEPTED: 'Diterima', VERIFIED: 'Diverifikasi', REJECTED: 'Ditolak', FOLLOW_UP: 'Perlu tindak lanjut',
  AGREE: 'Setuju', AGREED: 'Disepakati', DECLINE: 'Menolak', DECLINED: 'Ditolak', CONFIRMED: 'Dikonfirmasi',
  CLARIFICATION: 'Perlu klarifikasi', DOSSIER_COMPLETE: 'Berkas lengkap', GRANTED: 'Diberikan', EXTEND: 'Diperpanjang',
  END: 'Diakhiri', RENEWAL: 'Pembaruan', CLOSE_OUT: 'Penutupan', NO_OBJECTION: 'Tidak keberatan', OBJECT: 'Keberatan',
  OBJECTION: 'Keberatan', DISPUTED: 'Disengketakan', UPHELD: 'Dikuatkan', LIFTED: 'Dicabut', REVOCATION: 'Pencabutan',
  SUSPENSION: 'Pembekuan', REQUESTED: 'Dimohonkan', RECORDED: 'Dicatat', WITHDRAWN: 'Ditarik', ENDED: 'Berakhir',
  NOT_SUSPENDED: 'Tidak dibekukan', APPLIED: 'Dimohonkan', WARNING_1: 'Peringatan tertulis pertama',
  WARNING_2: 'Peringatan tertulis kedua', WARNING_3: 'Peringatan tertulis ketiga', PAUSED: 'Dihentikan sementara',
  RESUMED: 'Dilanjutkan', SUPERSEDED: 'Digantikan', RESPONDED: 'Ditanggapi', NO_RESPONSE: 'Tidak ditanggapi'
};
const REVIEW_STEPS = {
  PROVINCE: 'Provinsi lokasi', REGION: 'Daerah lokasi', PARTNER_MINISTRY: 'Kementerian mitra utama', FASKER: 'Fasker'
};
const NATURES = {WAJIB: 'Wajib', SUKARELA: 'Sukarela'};
/** The NGO register's codes (ngo/NgoPermit, NgoSanction, NgoSanctions.Kind). */
const PERMIT_KINDS = {PRINCIPLE: 'Izin prinsip', OPERATIONAL: 'Izin operasional'};
const PERMIT_STATES = {REQUESTED: 'Menunggu keputusan', ACTIVE: 'Berlaku', REFUSED: 'Ditolak', SUSPENDED: 'Dibekukan',
  REVOKED: 'Dicabut', WITHDRAWN: 'Ditarik (kerja sama berakhir sebelum diputuskan)'};
const SANCTION_KINDS = {WARNING_1: 'Peringatan tertulis pertama', WARNING_2: 'Peringatan tertulis kedua',
  WARNING_3: 'Peringatan tertulis ketiga', SUSPENSION: 'Pembekuan izin sementara', REVOCATION: 'Pencabutan izin'};
const SANCTION_STATES = {OPEN: 'Menunggu tanggapan ormas asing', RESPONDED: 'Sudah ditanggapi', IN_FORCE: 'Berlaku',
  LIFTED: 'Dicabut', ENDED: 'Berakhir'};

// ---------------------------------------------------------------- formatting

/** A day (yyyy-mm-dd) as dd/mm/yyyy, taken as it is (no time-zone shift). */
function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '—';
}

/** A day as "15 Maret 2027". */
function formatLongDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : '—';
}

/** A moment in Jakarta time: "Senin, 15 Maret 2027 10.30 WIB" (long) or "15/03/2027 10.30 WIB" (short). */
function formatMoment(iso, long) {
  if (!iso) {
    return '—';
  }
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short'})
    .formatToParts(new Date(iso)).forEach(p => { parts[p.type] = p.value; });
  const time = `${parts.hour}.${parts.minute}`;
  if (!long) {
    return `${parts.day}/${parts.month}/${parts.year} ${time} WIB`;
  }
  const weekday = DAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday)];
  return `${weekday}, ${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year} ${time} WIB`;
}

/** An amount as "Rp 1.500.000" (another currency by its code, "USD 1.500"). */
function formatAmount(amount, currency) {
  if (amount === null || amount === undefined || amount === '') {
    return '—';
  }
  const n = new Intl.NumberFormat('id-ID', {minimumFractionDigits: 0, maximumFractionDigits: 2}).format(Number(amount));
  return (!currency || currency === 'IDR' ? 'Rp ' : currency + ' ') + n;
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) {
    return new Intl.NumberFormat('id-ID', {maximumFractionDigits: 1}).format(bytes / 1024 / 1024) + ' MB';
  }
  return new Intl.NumberFormat('id-ID', {maximumFractionDigits: 0}).format(Math.max(1, Math.round(bytes / 1024))) + ' KB';
}

/** A code nobody translated yet, made readable ("NOT_SUPPORTED" → "Not supported") rather than shown raw. */
function readable(code) {
  const s = String(code).replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** ISO days inside a text the server wrote ("sampai 2028-11-29") as people read them (29/11/2028). */
function dayFirstIn(text) {
  return text ? String(text).replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1') : text;
}

function outcome(code) {
  return code ? (OUTCOMES[code] || readable(code)) : '—';
}

// ---------------------------------------------------------------- DOM

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else if (v !== null && v !== undefined && v !== false) {
      node.setAttribute(k, v === true ? '' : v);
    }
  });
  children.flat(3).forEach(c => {
    if (c !== null && c !== undefined && c !== false) {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  });
  return node;
}

function section(id, title, ...content) {
  return el('section', {class: 'ks-dossier-section', 'data-section': id}, el('h4', {}, title), ...content);
}

/** A definition list of [label, value] rows; rows without a value are left out. */
function facts(id, rows) {
  return el('dl', {class: 'ks-dossier-facts', 'data-facts': id},
    rows.filter(r => r[1] !== null && r[1] !== undefined && r[1] !== '')
      .map(([label, value, key]) => [el('dt', {}, label), el('dd', {'data-fact': key || null}, value)]));
}

function table(id, headers, rows) {
  return el('div', {class: 'ks-dossier-table-wrap'}, el('table', {class: 'table table-condensed ks-dossier-table',
    'data-table': id},
  el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
  el('tbody', {}, rows)));
}

function empty(text) {
  return el('p', {class: 'ks-dossier-empty'}, text);
}

// ---------------------------------------------------------------- data

function csrfToken(api) {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

async function getJson(url) {
  const res = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    const error = new Error(body.message || `Data tidak dapat dimuat (HTTP ${res.status}).`);
    error.status = res.status;
    throw error;
  }
  return res.json();
}

async function taskContext(api, taskId) {
  let variables;
  let task;
  try {
    variables = await getJson(`${api.engineApi}/task/${encodeURIComponent(taskId)}/variables`
      + '?deserializeValues=false');
    task = await getJson(`${api.engineApi}/task/${encodeURIComponent(taskId)}`);
  } catch (e) {
    // the engine's own messages are English: say it in Indonesian
    const error = new Error(e.status === 404
      ? 'Tugas ini tidak ditemukan lagi (mungkin sudah diselesaikan). Muat ulang daftar tugas.'
      : 'Data tugas tidak dapat dimuat. Muat ulang halaman lalu coba lagi.');
    error.status = e.status;
    throw error;
  }
  const value = name => (variables[name] ? variables[name].value : undefined);
  return {agreementId: value('agreementId'), cycleYear: value('cycleYear'), taskKey: task.taskDefinitionKey || '',
    ngoId: value('ngoId'), permitId: value('permitId'), sanctionId: value('sanctionId')};
}

// ---------------------------------------------------------------- views

function personName(names, userId) {
  return userId ? ((names.people || {})[userId] || userId) : '—';
}

function unitName(names, group) {
  return group ? ((names.units || {})[group] || group) : null;
}

function kindLabel(names, kind) {
  const known = (names.documentKinds || []).find(k => k.kind === kind);
  return known ? known.label : (kind ? readable(kind) : 'Dokumen');
}

function proposalView(view, names, plans) {
  const a = view.agreement;
  // an NGO party by its name (its group is no unit of the reference data: never shown as a code)
  const ngoName = a.ngoGroup ? (names.units || {})[a.ngoGroup] : null;
  const partners = [...new Set([a.partnerName, unitName(names, a.partnerRegion), ngoName].filter(Boolean))]
    .join('; ');
  const latestPlan = plans.length ? plans[plans.length - 1].plan : null;
  const budget = latestPlan && latestPlan.content
    ? `${formatAmount(latestPlan.content.budgetAmount, latestPlan.content.budgetCurrency)} (rencana kerja tahun ${latestPlan.budgetYear})`
    : 'Belum ada rencana kerja dengan anggaran';
  return section('proposal', 'Usulan',
    el('p', {class: 'ks-dossier-title', 'data-fact': 'title'}, a.title),
    facts('proposal', [
      ['Nomor registrasi', a.registrationNumber, 'registrationNumber'],
      ['Jenis kerja sama', view.typeLabel, 'type'],
      ['Sifat', a.cooperationNature ? (NATURES[a.cooperationNature] || readable(a.cooperationNature)) : null, 'nature'],
      ['Urusan pemerintahan', a.governmentAffair, 'governmentAffair'],
      ['Bidang', (a.sectors || []).map(s => (names.sectors || {})[s] || readable(s)).join(', '), 'sectors'],
      ['Pengusul', unitName(names, a.proposerUnit), 'proposer'],
      ['Provinsi pengusul', a.proposerProvince && a.proposerProvince !== a.proposerUnit
        ? unitName(names, a.proposerProvince) : null, 'proposerProvince'],
      ['Mitra', partners, 'partners'],
      ['Negara mitra', a.partnerCountry, 'partnerCountry'],
      ['Kementerian mitra utama', unitName(names, a.partnerMinistry), 'partnerMinistry'],
      ['Provinsi lokasi', (a.locationProvinces || []).map(g => unitName(names, g)).join(', '), 'locations'],
      ['Rencana mulai', a.proposedStart ? `${formatDate(a.proposedStart)} (${formatLongDate(a.proposedStart)})` : null,
        'proposedStart'],
      ['Jangka waktu', a.durationMonths ? `${a.durationMonths} bulan` : null, 'duration'],
      ['Perkiraan anggaran', a.estimatedBudget !== null && a.estimatedBudget !== undefined
        ? `${formatAmount(a.estimatedBudget)} (usulan)` : 'Tidak diisi dalam usulan', 'estimatedBudget'],
      ['Anggaran', budget, 'budget'],
      ['Tahap', view.phaseLabel, 'phase'],
      ['Status', view.statusLabel + (a.statusReason ? ` — ${a.statusReason}` : ''), 'status'],
      ['Dokumen berlaku', a.documentNumber ? `${kindLabel(names, a.documentKind)} nomor ${a.documentNumber}` : null,
        'documentNumber'],
      ['Ditandatangani', a.signedOn ? formatDate(a.signedOn) : null, 'signedOn'],
      ['Berlaku', a.startDate ? `${formatDate(a.startDate)} s.d. ${formatDate(a.endDate)}` : null, 'validity'],
      ['Diajukan', a.createdAt ? `${formatMoment(a.createdAt, true)} oleh ${personName(names, a.createdBy)}` : null,
        'createdAt']
    ]));
}

function documentsView(ctx) {
  const {view, names} = ctx;
  const docs = view.documents || [];
  const rows = [];
  docs.forEach(d => d.versions.slice().reverse().forEach((v, i) => rows.push(el('tr', {'data-document': d.kind,
    'data-version': v.versionNo},
  el('td', {}, i === 0 ? d.kindLabel : ''),
  el('td', {}, `Masa ${d.term}`),
  el('td', {}, `Versi ${v.versionNo}` + (i === 0 ? ' (terbaru)' : '')),
  el('td', {}, el('a', {href: v.contentUrl, download: v.fileName, class: 'ks-dossier-download'}, v.fileName),
    ` · ${formatSize(v.sizeBytes)}`),
  el('td', {}, personName(names, v.uploadedBy)),
  el('td', {}, formatMoment(v.uploadedAt))))));
  return section('documents', 'Dokumen',
    rows.length ? table('documents', ['Jenis', 'Masa', 'Versi', 'Berkas (unduh)', 'Diunggah oleh', 'Waktu'], rows)
      : empty('Belum ada dokumen dalam berkas ini.'),
    uploadForm(ctx));
}

function uploadForm(ctx) {
  const {view, names} = ctx;
  const kinds = names.documentKinds || [];
  if (!kinds.length) {
    return null;
  }
  const present = (view.documents || []).map(d => d.kind);
  const select = el('select', {class: 'form-control', name: 'kind', 'aria-label': 'Jenis dokumen'},
    kinds.map(k => el('option', {value: k.kind, selected: present.length && k.kind === present[present.length - 1]},
      k.label + (present.includes(k.kind) ? ' (versi baru)' : ''))));
  // the browser's own file button speaks its own language ("Choose File"): an Indonesian one over it
  const file = el('input', {type: 'file', name: 'file', class: 'ks-dossier-file', accept: '.pdf,.jpg,.jpeg,.png',
    'aria-label': 'Pilih berkas'});
  const chosen = el('span', {class: 'ks-dossier-chosen'}, 'Belum ada berkas dipilih');
  file.addEventListener('change', () => {
    chosen.textContent = file.files.length ? file.files[0].name : 'Belum ada berkas dipilih';
  });
  const picker = el('label', {class: 'btn btn-default ks-dossier-picker'}, 'Pilih berkas…', file);
  const result = el('p', {class: 'ks-dossier-result', role: 'status', 'aria-live': 'polite'});
  const button = el('button', {type: 'submit', class: 'btn btn-default'}, 'Unggah');
  const form = el('form', {class: 'ks-dossier-upload', 'data-upload': ''},
    el('h5', {}, 'Unggah dokumen atau versi baru'),
    el('div', {class: 'ks-dossier-upload-row'}, select, picker, chosen, button),
    el('p', {class: 'help-block'}, 'PDF, JPEG atau PNG. Setiap unggahan menjadi versi baru; versi lama tetap tersimpan.'),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.className = 'ks-dossier-result';
    if (!file.files.length) {
      result.classList.add('text-danger');
      result.textContent = 'Pilih berkas yang akan diunggah.';
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0]);
    button.disabled = true;
    result.textContent = 'Mengunggah…';
    try {
      const res = await fetch(`${API}${view.agreement.id}/documents?kind=${encodeURIComponent(select.value)}`, {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(ctx.api)}
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        result.classList.add('text-danger');
        result.textContent = 'Gagal: ' + (body.message || `unggahan ditolak (HTTP ${res.status}).`);
        return;
      }
      const v = body.versions[body.versions.length - 1];
      ctx.notice = `Tersimpan: ${body.kindLabel} versi ${v.versionNo} (${v.fileName}).`;
      await ctx.reload();
    } catch (e) {
      result.classList.add('text-danger');
      result.textContent = 'Gagal: koneksi terputus, coba lagi.';
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The latest version (highest id) of each budget year's item, by year. */
function latestByYear(items, pick) {
  const byYear = {};
  items.forEach(item => {
    const p = pick(item);
    if (!byYear[p.budgetYear] || byYear[p.budgetYear].id < p.id) {
      byYear[p.budgetYear] = Object.assign({view: item}, p);
    }
  });
  return byYear;
}

function reviewsText(names, reviews) {
  return (reviews || []).map(r => `${REVIEW_STEPS[r.step] || readable(r.step)}: ${outcome(r.decision)} oleh `
    + `${personName(names, r.reviewer)}, ${formatMoment(r.decidedAt)}` + (r.notes ? ` — ${r.notes}` : '')).join('\n') || '—';
}

/** A comparison table: one column per year, one row per field. */
function comparison(id, title, columns, rows) {
  return section(id, title, table(id, ['', ...columns.map(c => c.heading)],
    rows.map(([label, value]) => el('tr', {}, el('th', {scope: 'row'}, label),
      columns.map(c => el('td', {class: 'ks-dossier-pre'}, c.item ? value(c.item) : '—'))))));
}

function plansView(ctx) {
  const {plans, names, task} = ctx;
  const withContent = plans.filter(v => !v.plan.regionGroup);
  if (!withContent.length) {
    return null;
  }
  const byYear = latestByYear(withContent, v => v.plan);
  const years = Object.keys(byYear).map(Number).sort();
  const year = task.cycleYear && byYear[task.cycleYear] ? Number(task.cycleYear) : years[years.length - 1];
  const columns = [
    {heading: `Tahun ${year - 1}` + (byYear[year - 1] ? '' : ' (tidak ada)'), item: byYear[year - 1]},
    {heading: `Tahun ${year} (ditinjau)`, item: byYear[year]}
  ];
  const c = f => item => f(item.content || {}, item);
  return comparison('work-plan', `Rencana kerja tahunan ${year} dibanding tahun sebelumnya`, columns, [
    ['Versi dan status', c((x, p) => `Versi ${p.version} · ${p.view.statusLabel}`)],
    ['Tujuan', c(x => x.objectives || '—')],
    ['Sasaran', c(x => x.targets || '—')],
    ['Kegiatan', c(x => x.activities || '—')],
    ['Anggaran', c(x => formatAmount(x.budgetAmount, x.budgetCurrency))],
    ['Jangka waktu', c(x => `${formatDate(x.startDate)} s.d. ${formatDate(x.endDate)}`)],
    ['Jadwal', c(x => x.schedule || '—')],
    ['Lokasi', c(x => (x.locationProvinces || []).map(g => unitName(names, g)).join(', ') || '—')],
    ['Mitra lokal', c(x => x.localPartners || '—')],
    ['Tenaga asing', c(x => x.foreignStaff || '—')],
    ['Pelaporan', c((x, p) => p.view.reportFrequencyLabel || '—')],
    ['Diajukan', c((x, p) => `${personName(names, p.submittedBy)}, ${formatMoment(p.submittedAt)}`)],
    ['Tinjauan', c((x, p) => reviewsText(names, p.view.reviews))]
  ]);
}

function reportsView(ctx) {
  const {reports, names} = ctx;
  if (!reports.length) {
    return null;
  }
  // the latest report, and the same period of the year before
  const latest = reports.reduce((a, b) => (b.report.id > a.report.id ? b : a));
  const period = latest.report.period;
  const year = latest.report.budgetYear;
  const before = reports.filter(r => r.report.budgetYear === year - 1 && r.report.period === period)
    .reduce((a, b) => (!a || b.report.id > a.report.id ? b : a), null);
  const c = f => item => f(item.report.content || {}, item.report, item);
  return comparison('report', `Laporan ${latest.periodLabel} ${year} dibanding tahun sebelumnya`, [
    {heading: `${latest.periodLabel} ${year - 1}` + (before ? '' : ' (tidak ada)'), item: before},
    {heading: `${latest.periodLabel} ${year} (ditinjau)`, item: latest}
  ], [
    ['Versi dan status', c((x, r, v) => `Versi ${r.version} · ${v.statusLabel}` + (r.late ? ' · terlambat' : ''))],
    ['Capaian', c(x => x.achievements || '—')],
    ['Hambatan', c(x => x.obstacles || '—')],
    ['Tantangan', c(x => x.challenges || '—')],
    ['Manfaat', c(x => x.benefits || '—')],
    ['Realisasi anggaran', c(x => formatAmount(x.budgetRealised, x.budgetCurrency))],
    ['Catatan', c(x => x.notes || '—')],
    ['Catatan provinsi', c((x, r) => r.provinceNotes || '—')],
    ['Batas waktu', c((x, r) => formatMoment(r.dueAt))],
    ['Disampaikan', c((x, r) => `${personName(names, r.submittedBy)}, ${formatMoment(r.submittedAt)}`)],
    ['Tinjauan', c((x, r, v) => reviewsText(names, v.reviews))]
  ]);
}

function evaluationsView(ctx) {
  const evaluations = ctx.view.evaluations || [];
  if (!evaluations.length) {
    return null;
  }
  return section('evaluations', 'Evaluasi tahun-tahun sebelumnya', table('evaluations',
    ['Tahun anggaran', 'Jenis', 'Skor rata-rata', 'Capaian indikator', 'Predikat', 'Rekomendasi'],
    evaluations.map(e => el('tr', {},
      el('td', {}, e.budgetYear), el('td', {}, e.kindLabel || '—'),
      el('td', {}, e.averageScore == null ? '—'
        : new Intl.NumberFormat('id-ID', {maximumFractionDigits: 2}).format(e.averageScore)),
      el('td', {}, e.indicatorAchievement == null ? '—' : `${e.indicatorAchievement}%`),
      el('td', {}, e.ratingLabel || '—'), el('td', {}, e.recommendationLabel || '—')))));
}

function timelineView(ctx) {
  const {view, names} = ctx;
  const events = (view.timeline || []).slice().reverse();
  return section('timeline', 'Riwayat keputusan',
    events.length ? el('ol', {class: 'ks-dossier-timeline'}, events.map(e => el('li', {'data-event': e.activity},
      el('div', {class: 'ks-dossier-when'}, formatMoment(e.occurredAt, true)),
      el('div', {}, el('strong', {}, e.activityName || 'Kegiatan'), ' — ', outcome(e.outcome)),
      el('div', {class: 'ks-dossier-who'}, e.actor ? personName(names, e.actor) : 'Otomatis oleh sistem'),
      e.notes ? el('div', {class: 'ks-dossier-pre ks-dossier-notes'}, e.notes) : null)))
      : empty('Belum ada keputusan.'));
}

// ---------------------------------------------------------------- foreign NGO tasks

// The tasks of ngo-operational-permit (with agreementId: the cooperation's dossier as well) and of
// ngo-sanction (no single cooperation) carry ngoId, and permitId or sanctionId: GET /api/ngos/{id}
// gives the NGO, its permits, cooperations, sanctions, activity locations, timeline and names.

function ngoName(ngoView, group) {
  return unitName(ngoView.names || {}, group);
}

function ngoView(ngoData) {
  const n = ngoData.ngo;
  const principle = (ngoData.permits || []).filter(p => p.kind === 'PRINCIPLE')
    .reduce((a, b) => (!a || b.id > a.id ? b : a), null);
  return section('ngo', 'Ormas asing',
    el('p', {class: 'ks-dossier-title', 'data-fact': 'ngoName'}, n.name),
    facts('ngo', [
      ['Negara asal', n.country, 'ngoCountry'],
      ['Status', ngoData.statusLabel, 'ngoStatus'],
      ['Izin prinsip', principle ? `${PERMIT_STATES[principle.state] || readable(principle.state)}, `
        + `${formatDate(principle.issuedOn)} s.d. ${formatDate(principle.validUntil)}`
        + (principle.renewedTimes ? ` (diperpanjang ${principle.renewedTimes} kali)` : '') : 'Belum ada', 'principlePermit'],
      ['Kantor perwakilan', n.localOffice, 'localOffice'],
      ['Narahubung', [n.contactName, n.contactEmail, n.contactPhone].filter(Boolean).join(' · '), 'contact'],
      ['Dokumen legalitas', n.legalDocuments, 'legalDocuments'],
      ['Lokasi kegiatan', (ngoData.locations || []).map(l => [ngoName(ngoData, l.regencyGroup),
        ngoName(ngoData, l.provinceGroup)].filter(Boolean).join(', ')).join('; '), 'ngoLocations'],
      ['Tenaga kerja asing', (ngoData.staff || []).length ? `${ngoData.staff.length} orang` : null, 'staff']
    ]));
}

function permitView(ngoData, permitId) {
  const p = (ngoData.permits || []).find(x => String(x.id) === String(permitId));
  if (!p) {
    return null;
  }
  const principle = (ngoData.permits || []).filter(x => x.kind === 'PRINCIPLE' && x.state === 'ACTIVE')
    .reduce((a, b) => (!a || b.id > a.id ? b : a), null);
  const coop = (ngoData.cooperations || []).find(c => c.id === p.agreementId);
  return section('permit', `${PERMIT_KINDS[p.kind] || readable(p.kind)} yang diputuskan`, facts('permit', [
    ['Kerja sama', coop ? `${coop.registrationNumber} — ${coop.title}` : null, 'permitCooperation'],
    ['Status izin', PERMIT_STATES[p.state] || readable(p.state), 'permitState'],
    ['Masa berlaku dimohonkan', `${formatDate(p.issuedOn)} s.d. ${formatDate(p.validUntil)}`, 'permitValidity'],
    ['Batas izin prinsip', principle ? formatDate(principle.validUntil) : null, 'principleUntil'],
    ['Keterangan', dayFirstIn(p.notes), 'permitNotes'],
    ['Dicatat', `${formatMoment(p.recordedAt, true)} oleh ${personName(ngoData.names || {}, p.issuedBy)}`,
      'permitRecorded']
  ]));
}

function sanctionView(ngoData, sanctionId) {
  const sanctions = (ngoData.sanctions || []).slice().sort((a, b) => b.id - a.id);
  const current = sanctions.find(x => String(x.id) === String(sanctionId));
  const names = ngoData.names || {};
  const earlier = sanctions.filter(x => x !== current);
  return section('sanction', 'Sanksi', current ? facts('sanction', [
    ['Jenis sanksi', SANCTION_KINDS[current.kind] || readable(current.kind), 'sanctionKind'],
    ['Alasan', current.reason, 'sanctionReason'],
    ['Diputuskan', `${formatDate(current.decidedOn)} oleh ${personName(names, current.decidedBy)}`, 'sanctionDecided'],
    ['Batas tanggapan', current.respondBy ? formatDate(current.respondBy) : null, 'respondBy'],
    ['Dibekukan sampai', current.suspendedUntil ? formatDate(current.suspendedUntil) : null, 'suspendedUntil'],
    ['Tanggapan ormas asing', current.response || 'Belum ada tanggapan', 'sanctionResponse'],
    ['Status', SANCTION_STATES[current.state] || readable(current.state), 'sanctionState']
  ]) : empty('Sanksi ini tidak ditemukan lagi.'),
  earlier.length ? table('earlier-sanctions', ['Sanksi sebelumnya', 'Alasan', 'Diputuskan', 'Status'],
    earlier.map(x => el('tr', {}, el('td', {}, SANCTION_KINDS[x.kind] || readable(x.kind)), el('td', {}, x.reason || '—'),
      el('td', {}, formatDate(x.decidedOn)), el('td', {}, SANCTION_STATES[x.state] || readable(x.state))))) : null);
}

function cooperationsView(ngoData) {
  const rows = (ngoData.cooperations || []).map(c => el('tr', {'data-cooperation': c.registrationNumber},
    el('td', {}, c.registrationNumber), el('td', {}, c.title),
    el('td', {}, ngoName(ngoData, c.partnerMinistry) || '—'),
    el('td', {}, c.phaseLabel || readable(c.phase)), el('td', {}, c.statusLabel || readable(c.status)),
    el('td', {}, c.startDate ? `${formatDate(c.startDate)} s.d. ${formatDate(c.endDate)}` : '—')));
  return section('cooperations', 'Kerja sama ormas asing ini', rows.length
    ? table('cooperations', ['Nomor registrasi', 'Judul', 'Mitra utama', 'Tahap', 'Status', 'Berlaku'], rows)
    : empty('Ormas asing ini belum menjadi pihak dalam kerja sama.'));
}

function permitsTableView(ngoData) {
  const permits = (ngoData.permits || []).slice().sort((a, b) => b.id - a.id);
  const coops = ngoData.cooperations || [];
  return section('ngo-documents', 'Izin dan dokumen ormas asing', permits.length
    ? table('permits', ['Izin', 'Kerja sama', 'Status', 'Berlaku', 'Dicatat oleh'], permits.map(p => {
      const coop = coops.find(c => c.id === p.agreementId);
      return el('tr', {'data-permit': p.id}, el('td', {}, PERMIT_KINDS[p.kind] || readable(p.kind)),
        el('td', {}, coop ? coop.registrationNumber : '—'), el('td', {}, PERMIT_STATES[p.state] || readable(p.state)),
        el('td', {}, `${formatDate(p.issuedOn)} s.d. ${formatDate(p.validUntil)}`),
        el('td', {}, personName(ngoData.names || {}, p.issuedBy)));
    })) : empty('Belum ada izin.'),
  ngoData.ngo.legalDocuments ? el('p', {}, 'Dokumen legalitas: ', ngoData.ngo.legalDocuments) : null);
}

function ngoTimelineView(ngoData) {
  const names = ngoData.names || {};
  const events = (ngoData.timeline || []).slice().reverse();
  return section('ngo-timeline', 'Riwayat ormas asing',
    events.length ? el('ol', {class: 'ks-dossier-timeline'}, events.map(e => el('li', {'data-event': e.activity},
      el('div', {class: 'ks-dossier-when'}, formatMoment(e.occurredAt, true)),
      el('div', {}, el('strong', {}, e.activityName || 'Kegiatan'), ' — ', outcome(e.outcome)),
      el('div', {class: 'ks-dossier-who'}, e.actor ? personName(names, e.actor) : 'Otomatis oleh sistem'),
      e.notes ? el('div', {class: 'ks-dossier-pre ks-dossier-notes'}, dayFirstIn(e.notes)) : null)))
      : empty('Belum ada riwayat.'));
}

// ---------------------------------------------------------------- the tab

async function show(node, api, taskId) {
  node.replaceChildren(el('p', {class: 'ks-dossier-loading'}, 'Memuat berkas kerja sama…'));
  const ctx = {api};
  ctx.reload = async () => {
    const id = ctx.task.agreementId;
    const [view, plans, reports] = await Promise.all([
      getJson(`${API}${id}`),
      getJson(`${API}${id}/work-plans`).catch(() => []),
      getJson(`${API}${id}/reports`).catch(() => [])
    ]);
    Object.assign(ctx, {view, plans, reports, names: view.names || {}});
    const reviewingReport = /Report/.test(ctx.task.taskKey);
    const notice = ctx.notice ? el('div', {class: 'alert alert-success ks-dossier-notice', role: 'status'}, ctx.notice)
      : null;
    ctx.notice = null;
    const ngo = ctx.ngo;
    node.replaceChildren(el('div', {class: 'ks-dossier', 'data-agreement': view.agreement.registrationNumber},
      ngo ? permitView(ngo, ctx.task.permitId) : null,
      ngo && ctx.task.sanctionId !== undefined ? sanctionView(ngo, ctx.task.sanctionId) : null,
      ngo ? ngoView(ngo) : null,
      proposalView(view, ctx.names, plans),
      reviewingReport ? reportsView(ctx) : plansView(ctx),
      reviewingReport ? plansView(ctx) : reportsView(ctx),
      notice,
      documentsView(ctx),
      evaluationsView(ctx),
      timelineView(ctx),
      ngo ? ngoTimelineView(ngo) : null));
  };
  // a task of an NGO without one cooperation (a sanction): the NGO's own dossier
  ctx.reloadNgo = async () => {
    const ngo = ctx.ngo;
    node.replaceChildren(el('div', {class: 'ks-dossier', 'data-ngo': ngo.ngo.groupId},
      ctx.task.sanctionId !== undefined ? sanctionView(ngo, ctx.task.sanctionId) : null,
      ctx.task.permitId !== undefined ? permitView(ngo, ctx.task.permitId) : null,
      ngoView(ngo),
      cooperationsView(ngo),
      permitsTableView(ngo),
      ngoTimelineView(ngo)));
  };
  try {
    ctx.task = await taskContext(api, taskId);
    if (ctx.task.ngoId !== undefined && ctx.task.ngoId !== null) {
      ctx.ngo = await getJson(`/api/ngos/${encodeURIComponent(ctx.task.ngoId)}`);
      if (ctx.task.agreementId === undefined || ctx.task.agreementId === null) {
        await ctx.reloadNgo();
        return;
      }
    }
    if (ctx.task.agreementId === undefined || ctx.task.agreementId === null) {
      node.replaceChildren(empty('Tugas ini tidak terkait dengan satu kerja sama, jadi tidak ada berkas untuk ditampilkan.'));
      return;
    }
    await ctx.reload();
  } catch (e) {
    node.replaceChildren(el('div', {class: 'alert alert-warning'}, e.status === 403
      ? 'Anda tidak berhak melihat berkas kerja sama ini.'
      : (e.status ? e.message : 'Berkas kerja sama tidak dapat dimuat. Muat ulang halaman lalu coba lagi.')));
  }
}

function addStyles() {
  if (document.getElementById('ks-dossier-styles')) {
    return;
  }
  const style = document.createElement('style');
  style.id = 'ks-dossier-styles';
  style.textContent = `
.ks-dossier { padding: 10px 15px 30px; }
.ks-dossier-section { margin-bottom: 22px; }
.ks-dossier-section h4 { border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.ks-dossier-title { font-size: 16px; font-weight: bold; }
.ks-dossier-facts { display: grid; grid-template-columns: minmax(140px, 220px) 1fr; gap: 4px 12px; margin: 0; }
.ks-dossier-facts dt { font-weight: normal; color: #555; }
.ks-dossier-facts dd { margin: 0; }
@media (max-width: 600px) {
  .ks-dossier-facts { grid-template-columns: 1fr; gap: 0; }
  .ks-dossier-facts dd { margin-bottom: 6px; }
}
.ks-dossier-table-wrap { overflow-x: auto; }
.ks-dossier-pre { white-space: pre-line; }
.ks-dossier-upload { margin-top: 10px; padding: 10px; background: #f7f7f7; border: 1px solid #e3e3e3; }
.ks-dossier-upload-row { display: flex; flex-wrap: wrap; gap: 8px; }
.ks-dossier-upload-row { align-items: center; }
.ks-dossier-upload-row select { width: auto; max-width: 100%; }
.ks-dossier-picker { position: relative; overflow: hidden; margin: 0; }
.ks-dossier-file { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.ks-dossier-chosen { color: #555; }
.ks-dossier-timeline { list-style: none; padding: 0; }
.ks-dossier-timeline li { border-left: 3px solid #3c78b4; padding: 2px 0 8px 10px; margin-bottom: 6px; }
.ks-dossier-when, .ks-dossier-who { color: #555; font-size: 12px; }
.ks-dossier-notes { margin-top: 2px; }
`;
  document.head.appendChild(style);
}

export default {
  id: 'kerjasama-dossier',
  pluginPoint: 'tasklist.task.detail',
  // beside the form (1000), before the history (800)
  priority: 900,
  label: 'Berkas kerja sama',
  properties: {label: 'Berkas kerja sama'},
  render(node, {api, taskId}) {
    addStyles();
    show(node, api, taskId);
  }
};

window.kerjasamaDossier = {formatDate, formatLongDate, formatMoment, formatAmount, outcome};
