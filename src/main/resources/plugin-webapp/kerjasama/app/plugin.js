// Kerjasama: the supervisors' dashboard in Cockpit (menu "Dasbor Kerja Sama",
// route #/kerjasama). Plain DOM and SVG, no external library, no CDN.
// Data: /camunda/api/cockpit/plugin/kerjasama/<engine>/dashboard (Java:
// id.go.kerjasama.operations.cockpit.DashboardResource).

const ROUTE = '/kerjasama';
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

function formatDate(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return d.toLocaleDateString('id-ID', {day: 'numeric', month: 'long', year: 'numeric'});
}

function formatDateTime(iso) {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('id-ID', {dateStyle: 'medium', timeStyle: 'short'});
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
  return el('table', {class: 'cam-table ks-table', 'data-table': id},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
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
  target.append(
    el('h4', {}, `Riwayat ${i.registrationNumber || i.processInstanceId}`),
    el('p', {}, `${i.title || ''} — ${i.statusLabel || ''}${i.statusReason ? ' (' + i.statusReason + ')' : ''}`),
    el('h5', {}, 'Fase'),
    table(['Proses', 'Mulai', 'Selesai', 'Keadaan'], history.phases.map(p =>
      [p.name || p.processKey, formatDateTime(p.startTime), formatDateTime(p.endTime), p.state]), 'phases'),
    el('h5', {}, 'Tugas'),
    table(['Tugas', 'Dikerjakan oleh', 'Dibuat', 'Selesai', 'Tenggat'], history.tasks.map(t =>
      [t.name, t.assignee || '—', formatDateTime(t.startTime), formatDateTime(t.endTime), formatDateTime(t.dueDate)]),
    'tasks'),
    el('h5', {}, 'Jejak audit'),
    table(['Waktu', 'Pelaku', 'Fase', 'Kegiatan', 'Keputusan', 'Catatan'], history.timeline.map(e =>
      [formatDateTime(e.occurredAt), e.actor || '—', e.phaseLabel, e.activityName || '', e.outcome || '',
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
  root.append(card('Administrasi', 'Men-deploy ulang folder processes/ dan forms/ tempat aplikasi berjalan. '
    + 'Hanya berkas yang berubah yang mendapat versi baru. Migrasi instans: lihat docs/operations.md.', button, result));
}

async function renderPage(node, api) {
  const call = createClient(api);
  const root = el('div', {class: 'ks-dashboard', id: 'kerjasama-dashboard'});
  node.append(root);
  root.append(el('h2', {}, 'Dasbor Kerja Sama'));
  const status = el('p', {class: 'ks-sub'}, 'Memuat data…');
  root.append(status);
  try {
    const [me, data, finished] = await Promise.all([call('/me'), call(''), call('/finished')]);
    status.textContent = `Keadaan per ${formatDateTime(data.generatedAt)} (hanya baca).`;
    renderDashboard(root, data);
    renderFinished(root, finished, call);
    if (me.admin) {
      renderAdmin(root, call);
    }
    root.setAttribute('data-loaded', 'true');
  } catch (e) {
    status.textContent = 'Dasbor tidak dapat dimuat: ' + e.message;
    status.className = 'ks-error';
    root.setAttribute('data-loaded', 'error');
  }
}

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
