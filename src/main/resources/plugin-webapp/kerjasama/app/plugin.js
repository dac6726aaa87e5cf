// Kerjasama: the supervisors' dashboard in Cockpit (menu "Dasbor Kerja Sama",
// route #/kerjasama). Plain DOM and SVG, no external library, no CDN.
// Data: /camunda/api/cockpit/plugin/kerjasama/<engine>/dashboard (Java:
// id.go.kerjasama.operations.cockpit.DashboardResource); the agreement table
// reads the registry's search /api/agreements with the Cockpit session.

const ROUTE = '/kerjasama';
const API = '/api';
const PAGE_SIZE = 20;
const ADMIN_GROUP = 'camunda-admin';
/** The audit trail's outcome codes in Indonesian; an unknown code is shown as it is. */
const OUTCOMES = {
  SUBMITTED: 'Diajukan', APPROVED: 'Disetujui', REFUSED: 'Ditolak', RETURNED: 'Dikembalikan',
  SUPPORTED: 'Didukung', NOT_SUPPORTED: 'Tidak didukung', UPLOADED: 'Diunggah', SIGNED: 'Ditandatangani',
  RECOMMENDED: 'Direkomendasikan', NOT_RECOMMENDED: 'Tidak direkomendasikan', COMPLETED: 'Selesai',
  TERMINATED: 'Diakhiri', LAPSED: 'Gugur', EXPIRED: 'Berakhir', IMPORTED: 'Diimpor'
};
const TYPE_COLORS = {ORMAS_ASING: '#1f77b4', LUAR_NEGERI: '#ff7f0e', DALAM_NEGERI: '#2ca02c'};
const BAR_COLOR = '#3c78b4';
const LATE_COLOR = '#c0392b';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'onclick') {
      node.addEventListener('click', v);
    } else if (v !== null && v !== undefined) {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

/** A date as dd/mm/yyyy; a LocalDate string (yyyy-mm-dd) is taken as it is, without time-zone shifts. */
function formatDate(iso) {
  if (!iso) {
    return '—';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    return `${m[3]}/${m[2]}/${m[1]}`;
  }
  return new Date(iso).toLocaleDateString('id-ID', {day: '2-digit', month: '2-digit', year: 'numeric',
    timeZone: 'Asia/Jakarta'});
}

/** A moment as dd/mm/yyyy hh.mm, Jakarta time. */
function formatDateTime(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return formatDate(iso) + ' ' + d.toLocaleTimeString('id-ID', {hour: '2-digit', minute: '2-digit',
    timeZone: 'Asia/Jakarta'});
}

/** dd/mm/yyyy typed by the user to yyyy-mm-dd for the API; null if empty, undefined if not a real date. */
function parseDate(text) {
  const t = (text || '').trim();
  if (!t) {
    return null;
  }
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) {
    return undefined;
  }
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Horizontal bar chart. bars: [{label, value}] or stacked: [{label, parts: [{key, value}]}]. */
function barChart(id, bars, options) {
  const opts = Object.assign({color: BAR_COLOR, colors: {}, labelWidth: 200, width: 560, row: 24}, options);
  if (!bars.length || bars.every(b => (b.parts ? b.parts.reduce((s, p) => s + p.value, 0) : b.value) === 0)) {
    return el('p', {class: 'ks-empty', 'data-chart': id}, opts.emptyMessage || 'Belum ada data.');
  }
  const totals = bars.map(b => (b.parts ? b.parts.reduce((s, p) => s + p.value, 0) : b.value));
  const max = Math.max(1, ...totals);
  const plot = opts.width - opts.labelWidth - 50;
  const height = bars.length * opts.row + 8;
  const chart = svg('svg', {
    class: 'ks-chart', 'data-chart': id, width: opts.width, height, viewBox: `0 0 ${opts.width} ${height}`,
    role: 'img', 'aria-label': opts.title || id
  });
  bars.forEach((b, i) => {
    const y = i * opts.row + 4;
    chart.append(svg('text', {x: opts.labelWidth - 6, y: y + opts.row / 2 + 4, 'text-anchor': 'end', class: 'ks-label'},
      b.label));
    let x = opts.labelWidth;
    const parts = b.parts || [{key: null, value: b.value}];
    parts.forEach(p => {
      const w = Math.round((p.value / max) * plot);
      if (w > 0) {
        const rect = svg('rect', {
          x, y: y + 3, width: w, height: opts.row - 8,
          fill: p.key ? (opts.colors[p.key] || opts.color) : opts.color, class: 'ks-bar'
        });
        rect.append(svg('title', {}, `${b.label}${p.key ? ' — ' + (opts.typeLabels || {})[p.key] : ''}: ${p.value}`));
        chart.append(rect);
      }
      x += w;
    });
    chart.append(svg('text', {x: x + 6, y: y + opts.row / 2 + 4, class: 'ks-value'}, totals[i]));
  });
  return chart;
}

function legend(typeLabels) {
  return el('div', {class: 'ks-legend'}, Object.entries(typeLabels).map(([key, label]) =>
    el('span', {class: 'ks-legend-item'},
      el('span', {class: 'ks-swatch', style: `background:${TYPE_COLORS[key] || BAR_COLOR}`}), label)));
}

function card(title, subtitle, ...content) {
  return el('section', {class: 'ks-card'}, el('h3', {}, title), subtitle ? el('p', {class: 'ks-sub'}, subtitle) : '',
    ...content);
}

function tile(label, value, id) {
  return el('div', {class: 'ks-tile', 'data-tile': id}, el('div', {class: 'ks-tile-value'}, value),
    el('div', {class: 'ks-tile-label'}, label));
}

function table(headers, rows, id) {
  return el('div', {class: 'ks-table-wrap'}, el('table', {class: 'cam-table ks-table', 'data-table': id},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c)))))));
}

/** GET on the application's own API (/api) with the Cockpit session; errors carry the API's message. */
async function apiGet(path) {
  const response = await fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `HTTP ${response.status}`);
  }
  return body;
}

function createClient(api) {
  const base = `${api.cockpitApi}/plugin/kerjasama/${api.engine}/dashboard`;
  return async function call(path, method) {
    const response = await fetch(base + (path || ''), {
      method: method || 'GET',
      credentials: 'same-origin',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''}
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.message || `HTTP ${response.status}`);
    }
    return body;
  };
}

function renderDashboard(root, data) {
  const typeLabels = data.typeLabels;
  root.append(
    el('div', {class: 'ks-tiles'},
      tile('Seluruh kerja sama', data.totalAgreements, 'total'),
      tile('Sedang berjalan', data.runningAgreements, 'running'),
      tile('Tugas terlambat', data.overdueTasks, 'overdue'),
      tile('Berakhir dalam 6 bulan', data.endingWithin6Months, 'ending6'),
      tile('Berakhir dalam 12 bulan', data.endingWithin12Months, 'ending12')),
    el('div', {class: 'ks-grid'},
      card('Kerja sama per fase dan jenis', 'Semua kerja sama yang terdaftar, menurut fase siklus hidupnya.',
        legend(typeLabels),
        barChart('phase-type', data.byPhaseAndType.map(r => ({
          label: r.label, parts: Object.entries(r.byType).map(([key, value]) => ({key, value}))
        })), {colors: TYPE_COLORS, typeLabels, title: 'Kerja sama per fase dan jenis'})),
      card('Kerja sama per jenis', null,
        barChart('type', data.byType.map(b => ({label: b.label, value: b.value})),
          {labelWidth: 280, title: 'Kerja sama per jenis'})),
      card('Kerja sama berjalan per provinsi', 'Setiap kerja sama dihitung pada setiap provinsi lokasinya.',
        barChart('province', data.byProvince, {title: 'Kerja sama berjalan per provinsi',
          emptyMessage: 'Belum ada kerja sama yang berjalan.'})),
      card('Tugas terlambat per provinsi', 'Tugas terbuka yang sudah melewati tenggat, menurut provinsi kerja samanya.',
        barChart('overdue', data.overdueByProvince, {color: LATE_COLOR, title: 'Tugas terlambat per provinsi',
          emptyMessage: 'Tidak ada tugas yang terlambat.'})),
      card('Kerja sama yang akan berakhir', 'Kerja sama berlaku yang tanggal berakhirnya dalam 6 dan 12 bulan ke depan.',
        barChart('ending', data.ending, {title: 'Kerja sama yang akan berakhir',
          emptyMessage: 'Tidak ada kerja sama yang berakhir dalam 12 bulan.'}),
        data.endingSoon.length ? table(['Nomor registrasi', 'Judul', 'Jenis', 'Provinsi', 'Berakhir', 'Sisa hari'],
          data.endingSoon.map(e => [e.registrationNumber, e.title, e.typeLabel, e.provinces.join(', '),
            formatDate(e.endDate), e.daysLeft]), 'ending') : ''),
      card('Hasil evaluasi', `${data.ratingsSource}. Kerja sama yang sudah dievaluasi: ${data.ratedAgreements}.`,
        barChart('ratings', data.ratings, {labelWidth: 220, title: 'Hasil evaluasi',
          emptyMessage: 'Belum ada kerja sama yang dievaluasi.'}),
        el('h4', {class: 'ks-subtitle'}, 'Rekomendasi'),
        barChart('recommendations', data.recommendations, {labelWidth: 220, title: 'Rekomendasi evaluasi',
          emptyMessage: 'Belum ada rekomendasi evaluasi.'}))));
}

function renderHistory(target, history) {
  target.innerHTML = '';
  const i = history.instance;
  const names = {people: history.people};
  target.append(
    el('h4', {}, `Riwayat ${i.registrationNumber || i.processInstanceId}`),
    el('p', {}, `${i.title || ''} — ${i.statusLabel || ''}${i.statusReason ? ' (' + i.statusReason + ')' : ''}`),
    el('h5', {}, 'Fase'),
    table(['Proses', 'Mulai', 'Selesai', 'Keadaan'], history.phases.map(p =>
      [p.name || p.processKey, formatDateTime(p.startTime), formatDateTime(p.endTime), p.state]), 'phases'),
    el('h5', {}, 'Tugas'),
    table(['Tugas', 'Dikerjakan oleh', 'Dibuat', 'Selesai', 'Tenggat'], history.tasks.map(t =>
      [t.name, t.assignee ? actorCell(names, t.assignee) : '—', formatDateTime(t.startTime), formatDateTime(t.endTime), formatDateTime(t.dueDate)]),
    'tasks'),
    el('h5', {}, 'Jejak audit'),
    table(['Waktu', 'Pelaku', 'Fase', 'Kegiatan', 'Keputusan', 'Catatan'], history.timeline.map(e =>
      [formatDateTime(e.occurredAt), actorCell(names, e.actor), e.phaseLabel, e.activityName || '', e.outcome || '',
        e.notes || '']), 'timeline'));
}

function renderFinished(root, finished, call) {
  const detail = el('div', {class: 'ks-history', 'data-history': ''});
  const rows = finished.map(f => [
    f.registrationNumber || '—', f.title || '—', f.typeLabel || '—', f.statusLabel || '—',
    formatDate(f.startTime), formatDate(f.endTime), f.days,
    el('button', {
      class: 'btn btn-default btn-xs', type: 'button', 'data-history-of': f.processInstanceId,
      onclick: async () => {
        detail.textContent = 'Memuat riwayat…';
        try {
          renderHistory(detail, await call('/finished/' + encodeURIComponent(f.processInstanceId)));
        } catch (e) {
          detail.textContent = 'Riwayat tidak dapat dimuat: ' + e.message;
        }
      }
    }, 'Lihat riwayat')]);
  root.append(card('Kerja sama yang sudah selesai', 'Instans siklus hidup yang telah berakhir, terbaru di atas.',
    finished.length
      ? table(['Nomor registrasi', 'Judul', 'Jenis', 'Status', 'Mulai', 'Selesai', 'Lama (hari)', ''], rows, 'finished')
      : el('p', {class: 'ks-empty'}, 'Belum ada kerja sama yang selesai.'),
    detail));
}

function select(name, label, options) {
  return el('label', {class: 'ks-field'}, el('span', {}, label),
    el('select', {name, class: 'form-control input-sm', 'data-filter': name},
      el('option', {value: ''}, 'Semua'), options.map(o => el('option', {value: o.value}, o.label))));
}

function textField(name, label, placeholder) {
  return el('label', {class: 'ks-field'}, el('span', {}, label),
    el('input', {name, type: 'text', class: 'form-control input-sm', placeholder, 'data-filter': name,
      autocomplete: 'off'}));
}

/**
 * Who acted, by name: the agreement view's {@code names.people} (the server's AgreementNames, the same section
 * Tasklist's "Berkas kerja sama" reads); the user id stays as the cell's title. A user the directory no longer
 * knows is shown by id, an event without actor was the system's.
 */
function actorCell(names, userId) {
  if (!userId) {
    return 'Otomatis oleh sistem';
  }
  const name = ((names || {}).people || {})[userId];
  return name ? el('span', {title: userId, 'data-user': userId}, name) : userId;
}

/**
 * The agreement's audit trail, from GET /api/agreements/{id}, with a link to its process instance in Cockpit;
 * people by name, times in Jakarta time.
 */
function renderTimeline(target, detail, labels) {
  target.innerHTML = '';
  const a = detail.agreement;
  target.append(
    el('h4', {}, `Riwayat ${a.registrationNumber}`),
    el('p', {}, `${a.title} — ${detail.typeLabel || ''}, fase ${detail.phaseLabel || ''}, status `
      + `${detail.statusLabel || ''}${a.statusReason ? ' (' + a.statusReason + ')' : ''}. `
      + `Mulai ${formatDate(a.startDate)}, berakhir ${formatDate(a.endDate)}.`),
    a.processInstanceId ? el('p', {}, el('a', {href: `#/process-instance/${encodeURIComponent(a.processInstanceId)}/runtime`,
      'data-process-instance': a.processInstanceId}, 'Buka instans proses di Cockpit')) : '',
    detail.timeline.length
      ? table(['Waktu', 'Pelaku', 'Fase', 'Kegiatan', 'Keputusan', 'Catatan'], detail.timeline.map(e =>
        [formatDateTime(e.occurredAt), actorCell(detail.names, e.actor), labels.phases[e.phase] || e.phase || '—',
          e.activityName || e.activity || '', OUTCOMES[e.outcome] || e.outcome || '', e.notes || '']), 'agreement-timeline')
      : el('p', {class: 'ks-empty'}, 'Belum ada kejadian yang tercatat.'));
}

/**
 * The agreement table: GET /api/agreements with the filters the user chose (the registry's own search,
 * so a reader sees only what /api lets them see), paged, each row opening the agreement's timeline;
 * the CSV link downloads GET /api/agreements.csv with the same filters.
 */
function renderSearch(root, options) {
  const labels = {
    phases: Object.fromEntries(options.phases.map(o => [o.value, o.label])),
    provinces: Object.fromEntries(options.provinces.map(o => [o.value, o.label]))
  };
  const form = el('form', {class: 'ks-filters', 'data-search-form': ''},
    textField('q', 'Nomor atau judul', 'mis. KS-LN-2026 atau pendidikan'),
    select('province', 'Provinsi', options.provinces),
    select('type', 'Jenis', options.types),
    select('phase', 'Fase', options.phases),
    select('status', 'Status', options.statuses),
    textField('endAfter', 'Berakhir setelah', 'hh/bb/tttt'),
    textField('endBefore', 'Berakhir sebelum', 'hh/bb/tttt'),
    el('div', {class: 'ks-field ks-actions'},
      el('button', {type: 'submit', class: 'btn btn-primary btn-sm', 'data-action': 'search'}, 'Cari'),
      el('button', {type: 'reset', class: 'btn btn-default btn-sm'}, 'Kosongkan')));
  const message = el('p', {class: 'ks-sub', 'data-search-message': ''});
  const csv = el('a', {class: 'btn btn-default btn-sm', 'data-action': 'csv', download: ''}, 'Unduh CSV');
  const results = el('div', {'data-search-results': ''});
  const pager = el('div', {class: 'ks-pager'});
  const detail = el('div', {class: 'ks-history', 'data-agreement-history': ''});
  let page = 0;

  function params() {
    const p = new URLSearchParams();
    for (const field of form.querySelectorAll('[data-filter]')) {
      let v = field.value.trim();
      if (field.name === 'endAfter' || field.name === 'endBefore') {
        const parsed = parseDate(v);
        if (parsed === undefined) {
          throw new Error(`Tanggal "${v}" tidak dikenali; tulis hari/bulan/tahun, mis. 31/12/2027.`);
        }
        v = parsed || '';
      }
      if (v) {
        p.set(field.name, v);
      }
    }
    p.set('sort', 'endDate,asc');
    return p;
  }

  async function load() {
    let p;
    try {
      p = params();
    } catch (e) {
      message.textContent = e.message;
      message.className = 'ks-error';
      return;
    }
    csv.setAttribute('href', `${API}/agreements.csv?${p}`);
    p.set('page', page);
    p.set('size', PAGE_SIZE);
    message.className = 'ks-sub';
    message.textContent = 'Mencari…';
    results.setAttribute('data-loaded', 'false');
    try {
      const r = await apiGet(`/agreements?${p}`);
      results.innerHTML = '';
      pager.innerHTML = '';
      if (!r.items.length) {
        message.textContent = 'Tidak ada kerja sama yang cocok dengan saringan ini.';
      } else {
        const from = r.page * r.size + 1;
        message.textContent = `Menampilkan ${from}–${from + r.items.length - 1} dari ${r.totalItems} kerja sama.`;
        results.append(table(['Nomor registrasi', 'Judul', 'Provinsi', 'Jenis', 'Fase', 'Status', 'Berakhir', ''],
          r.items.map(a => [a.registrationNumber, a.title,
            (a.locationProvinces.length ? a.locationProvinces : [a.proposerProvince]).filter(Boolean)
              .map(g => labels.provinces[g] || g).join(', ') || '—',
            a.typeLabel, a.phaseLabel, a.statusLabel, formatDate(a.endDate),
            el('button', {
              class: 'btn btn-default btn-xs', type: 'button', 'data-timeline-of': a.registrationNumber,
              onclick: async () => {
                detail.textContent = 'Memuat riwayat…';
                try {
                  renderTimeline(detail, await apiGet(`/agreements/${a.id}`), labels);
                  detail.scrollIntoView({block: 'start'});
                } catch (e) {
                  detail.textContent = 'Riwayat tidak dapat dimuat: ' + e.message;
                }
              }
            }, 'Lihat riwayat')]), 'agreements'));
        if (r.totalPages > 1) {
          pager.append(
            el('button', {type: 'button', class: 'btn btn-default btn-xs', 'data-action': 'previous-page',
              disabled: r.page === 0 ? 'disabled' : null, onclick: () => { page--; load(); }}, '‹ Sebelumnya'),
            ` Halaman ${r.page + 1} dari ${r.totalPages} `,
            el('button', {type: 'button', class: 'btn btn-default btn-xs', 'data-action': 'next-page',
              disabled: r.page + 1 >= r.totalPages ? 'disabled' : null, onclick: () => { page++; load(); }},
            'Berikutnya ›'));
        }
      }
      results.setAttribute('data-loaded', 'true');
    } catch (e) {
      message.textContent = 'Pencarian gagal: ' + e.message;
      message.className = 'ks-error';
      results.setAttribute('data-loaded', 'error');
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    page = 0;
    load();
  });
  form.addEventListener('reset', () => setTimeout(() => {
    page = 0;
    load();
  }));
  root.append(el('section', {class: 'ks-card ks-search', id: 'kerjasama-search'},
    el('h3', {}, 'Cari kerja sama'),
    el('p', {class: 'ks-sub'}, 'Kerja sama yang terdaftar, menurut nomor, judul, provinsi, jenis, fase, status dan '
      + 'tanggal berakhir (hh/bb/tttt). Hanya baca; CSV memuat semua hasil dengan saringan yang sama.'),
    form, el('div', {class: 'ks-search-bar'}, message, csv), results, pager, detail));
  load();
}

/**
 * Cockpit's content area (.ctn-main) is fixed between header and footer and hides what overflows,
 * so the dashboard scrolls inside itself: it takes the height left below its top.
 */
function fitToViewport(root) {
  const fit = () => {
    if (!root.isConnected) {
      window.removeEventListener('resize', fit);
      return;
    }
    const main = root.closest('.ctn-main');
    const bottom = main ? main.getBoundingClientRect().bottom : window.innerHeight;
    root.style.height = Math.max(200, Math.floor(bottom - root.getBoundingClientRect().top)) + 'px';
  };
  fit();
  window.addEventListener('resize', fit);
  setTimeout(fit, 0);
}

function renderAdmin(root, call) {
  const result = el('div', {class: 'ks-redeploy-result', 'data-redeploy-result': ''});
  const button = el('button', {class: 'btn btn-primary', type: 'button', 'data-action': 'redeploy'},
    'Deploy ulang diagram dan formulir');
  button.addEventListener('click', async () => {
    button.disabled = true;
    result.textContent = 'Sedang men-deploy…';
    try {
      const r = await call('/redeploy', 'POST');
      result.innerHTML = '';
      result.append(el('p', {class: 'ks-message'}, r.message),
        r.newVersions.length ? table(['Berkas', 'Kunci', 'Versi baru', 'Tag versi'],
          r.newVersions.map(v => [v.resource, v.key, v.version, v.versionTag || '—']), 'new-versions') : '',
        el('details', {}, el('summary', {}, `Berkas yang berubah (${r.deployedResources.length}) dan tidak berubah (${r.unchangedResources.length})`),
          el('p', {}, 'Berubah: ' + (r.deployedResources.join(', ') || '—')),
          el('p', {}, 'Tidak berubah: ' + (r.unchangedResources.join(', ') || '—'))));
    } catch (e) {
      result.textContent = 'Deploy gagal: ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
  // the legacy import's page (legacyimport/ImportPage): upload a CSV, watch its progress
  const importLink = el('p', {}, el('a', {href: '/api/admin/imports/page', 'data-link': 'legacy-import'},
    'Impor data kerja sama lama (CSV)'), ' — unggah berkas, pantau kemajuannya, lihat baris yang ditolak.');
  root.append(card('Administrasi', 'Men-deploy ulang folder processes/ dan forms/ tempat aplikasi berjalan. '
    + 'Hanya berkas yang berubah yang mendapat versi baru. Migrasi instans: lihat docs/operations.md.', button, result,
    importLink));
}

async function renderPage(node, api) {
  const call = createClient(api);
  const root = el('div', {class: 'ks-dashboard', id: 'kerjasama-dashboard'});
  node.append(root);
  fitToViewport(root);
  root.append(el('h2', {}, 'Dasbor Kerja Sama'));
  const status = el('p', {class: 'ks-sub'}, 'Memuat data…');
  root.append(status, el('p', {class: 'ks-sub'}, el('a', {href: '/api/me/notifications/page',
    'data-link': 'notification-preferences'}, 'Atur pemberitahuan e-mail Anda')));
  try {
    const [me, data, finished, options] = await Promise.all([call('/me'), call(''), call('/finished'),
      call('/search-options')]);
    const admin = me.admin === true && (me.groups || []).includes(ADMIN_GROUP);
    status.textContent = `Keadaan per ${formatDateTime(data.generatedAt)}`
      + (admin ? '.' : ' (hanya baca).');
    root.setAttribute('data-role', admin ? 'admin' : 'read-only');
    renderSearch(root, options);
    renderDashboard(root, data);
    renderFinished(root, finished, call);
    // write buttons (redeploy) for administrators only; the server checks again (DashboardResource)
    if (admin) {
      renderAdmin(root, call);
    }
    root.setAttribute('data-loaded', 'true');
  } catch (e) {
    status.textContent = 'Dasbor tidak dapat dimuat: ' + e.message;
    status.className = 'ks-error';
    root.setAttribute('data-loaded', 'error');
  }
}

/**
 * Cockpit's own write controls (delete, suspend, retry, variables, job definitions, task assignment, deployment
 * deletion, batches) are shown to everyone who may open a page, also to read-only supervisors, who get a 403
 * when they press them. Here each control is hidden (plugin.css) until the engine says the signed-in user holds
 * one of the permissions it needs, on every resource of its type (GET authorization/check without a resourceId,
 * i.e. a grant on '*'). A grant on a single instance does not show the button; the engine stays the protection:
 * what is hidden here is refused there anyway (docs/roles.md "Cockpit for read-only users").
 */
const WRITE_CONTROLS = {
  'delete-instance': [['process-instance', 8, 'DELETE'], ['process-definition', 6, 'DELETE_INSTANCE']],
  'suspend-instance': [['process-instance', 8, 'SUSPEND'], ['process-instance', 8, 'UPDATE'],
    ['process-definition', 6, 'SUSPEND_INSTANCE'], ['process-definition', 6, 'UPDATE_INSTANCE']],
  'retry': [['process-instance', 8, 'RETRY_JOB'], ['process-instance', 8, 'UPDATE'],
    ['process-definition', 6, 'RETRY_JOB'], ['process-definition', 6, 'UPDATE_INSTANCE']],
  'variables': [['process-instance', 8, 'UPDATE_VARIABLE'], ['process-instance', 8, 'UPDATE'],
    ['process-definition', 6, 'UPDATE_INSTANCE_VARIABLE'], ['process-definition', 6, 'UPDATE_INSTANCE']],
  'update-instance': [['process-instance', 8, 'UPDATE'], ['process-definition', 6, 'UPDATE_INSTANCE']],
  'definition': [['process-definition', 6, 'UPDATE'], ['process-definition', 6, 'SUSPEND']],
  'tasks': [['task', 7, 'UPDATE'], ['task', 7, 'TASK_ASSIGN'], ['process-definition', 6, 'UPDATE_TASK'],
    ['process-definition', 6, 'TASK_ASSIGN']],
  'deployment': [['deployment', 9, 'DELETE']],
  'batch': [['batch', 13, 'CREATE'], ['batch', 13, 'UPDATE'], ['batch', 13, 'DELETE']]
};

function markPage() {
  const root = document.documentElement;
  const hash = window.location.hash || '';
  root.classList.toggle('ks-page-process-instance', hash.startsWith('#/process-instance/'));
  root.classList.toggle('ks-page-process-definition', hash.startsWith('#/process-definition/'));
}

/** 'done' once the engine answered for the signed-in user; a newer check (generation) wins over an older one. */
let writeControlsDone = false;
let writeControlsGeneration = 0;

/** Asks the engine once per sign-in (plugins load before the login, so again on each route until signed in). */
async function checkWriteControls() {
  const root = document.documentElement;
  const m = /^(.*)\/app\/cockpit\/([^/]+)\//.exec(window.location.pathname);
  if (!m || writeControlsDone) {
    return;
  }
  const generation = ++writeControlsGeneration;
  const check = `${m[1]}/api/engine/engine/${encodeURIComponent(m[2])}/authorization/check`;
  let signedIn = true;
  const allowed = async ([resourceName, resourceType, permissionName]) => {
    try {
      const response = await fetch(`${check}?${new URLSearchParams({permissionName, resourceName, resourceType})}`,
        {credentials: 'same-origin', headers: {Accept: 'application/json'}});
      if (response.status === 401) {
        signedIn = false;
      }
      return response.ok && (await response.json()).authorized === true;
    } catch (e) {
      return false;
    }
  };
  const answers = await Promise.all(Object.entries(WRITE_CONTROLS).map(async ([control, needs]) =>
    [control, (await Promise.all(needs.map(allowed))).some(Boolean)]));
  if (generation !== writeControlsGeneration || !signedIn) {
    return;
  }
  writeControlsDone = true;
  answers.forEach(([control, may]) => root.classList.toggle('ks-may-' + control, may));
  root.setAttribute('data-ks-write-controls', answers.filter(([, may]) => may).map(([c]) => c).join(' ') || 'none');
}

function onRoute() {
  markPage();
  if ((window.location.hash || '').startsWith('#/login')) {
    // signed out (or another user signs in next): hide every control again until asked anew
    writeControlsDone = false;
    writeControlsGeneration++;
    Object.keys(WRITE_CONTROLS).forEach(c => document.documentElement.classList.remove('ks-may-' + c));
    document.documentElement.removeAttribute('data-ks-write-controls');
  } else {
    checkWriteControls();
  }
}

onRoute();
window.addEventListener('hashchange', onRoute);

/**
 * The variables table's last column is headed "Actions", written into Camunda's template (no locale key).
 * It holds the edit and delete buttons: plugin.css hides the column from whoever may not change variables,
 * and for the others it is headed in Indonesian.
 */
function translateVariableActions() {
  document.querySelectorAll('table.cam-table > thead td.actions').forEach(cell => {
    if (cell.textContent.trim() === 'Actions') {
      cell.textContent = 'Tindakan';
    }
  });
}

new MutationObserver(translateVariableActions).observe(document.documentElement, {childList: true, subtree: true});

export default [
  {
    id: 'kerjasama.dashboard.route',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: (node, {api}) => {
      renderPage(node, api);
    }
  },
  {
    id: 'kerjasama.dashboard.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: '#' + ROUTE,
      checkActive: path => path.indexOf('#' + ROUTE) > -1
    },
    render: node => {
      node.append(el('a', {href: '#' + ROUTE, id: 'kerjasama-dashboard-link'}, 'Dasbor Kerja Sama'));
    }
  },
  {
    id: 'kerjasama.dashboard.link',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => {
      node.append(el('div', {class: 'ks-dashboard-teaser'},
        el('a', {href: '#' + ROUTE, class: 'btn btn-default'}, 'Buka Dasbor Kerja Sama'),
        ' Ringkasan portofolio kerja sama: fase, jenis, provinsi, tugas terlambat, masa berakhir, evaluasi.'));
    }
  }
];
