const form = document.getElementById('import');
const token = form ? form.dataset.token : '';
const message = document.getElementById('message');
let current = null;
let timer = null;
let shownRejected = -1;

function num(n) { return n == null ? '—' : Number(n).toLocaleString('id-ID'); }
function esc(s) { const d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
function when(iso) {
  if (!iso) { return '—'; }
  const d = new Date(iso);
  const opts = { timeZone: 'Asia/Jakarta' };
  return d.toLocaleDateString('id-ID', Object.assign({ day: '2-digit', month: '2-digit', year: 'numeric' }, opts))
    + ' ' + d.toLocaleTimeString('id-ID', Object.assign({ hour: '2-digit', minute: '2-digit' }, opts)) + ' WIB';
}
function say(kind, text) { message.className = kind; message.textContent = text; }
function problemText(body, status) {
  const problems = body && Array.isArray(body.problems) && body.problems.length ? body.problems : null;
  return problems ? problems.join('; ') : (body && body.message) || ('HTTP ' + status);
}
async function api(path, options) {
  const res = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } },
    options || {}));
  const body = await res.json().catch(() => null);
  return { ok: res.ok, status: res.status, body };
}

/** Rows done (imported, already there, refused) of the total, as a whole percentage; null while checking. */
function percentOf(r) {
  if (r.totalRows == null) { return null; }
  if (r.totalRows === 0) { return r.status === 'FINISHED' ? 100 : 0; }
  const done = r.totalRows - (r.pendingRows || 0);
  return Math.min(100, Math.floor(done * 100 / r.totalRows));
}

function drawCurrent(r) {
  document.getElementById('current').hidden = false;
  document.getElementById('current').dataset.importId = r.importId;
  document.getElementById('current').dataset.status = r.status;
  document.getElementById('current-title').textContent = 'Impor #' + r.importId + (r.fileName ? ' — ' + r.fileName : '');
  const bar = document.getElementById('bar');
  const percent = percentOf(r);
  bar.style.width = (percent || 0) + '%';
  bar.setAttribute('aria-valuenow', String(percent || 0));
  bar.className = r.status === 'FINISHED' ? 'done' : r.status === 'INTERRUPTED' ? 'stopped' : '';
  document.getElementById('percent').textContent = percent == null ? 'Memeriksa berkas…' : percent + ' %';
  document.getElementById('counts').textContent = r.totalRows == null ? 'Baris berkas sedang diperiksa.'
    : num(r.importedRows) + ' dari ' + num(r.totalRows) + ' baris diimpor · sudah ada sebelumnya: '
      + num(r.existingRows) + ' · ditolak: ' + num(r.rejectedRows) + ' · menunggu: ' + num(r.pendingRows);
  const state = document.getElementById('state');
  if (r.status === 'FINISHED') {
    state.className = 'ok';
    state.textContent = 'Selesai ' + when(r.finishedAt) + ': ' + num(r.importedRows) + ' baris diimpor'
      + (r.rejectedRows ? ', ' + num(r.rejectedRows) + ' baris ditolak (perbaiki lalu impor ulang berkas yang sama;'
        + ' baris yang sudah diimpor dilewati).' : '.');
  } else if (r.status === 'INTERRUPTED') {
    state.className = 'error';
    state.textContent = 'Terhenti sebelum selesai. ' + (r.note || '') + ' Impor dilanjutkan otomatis dari berkas'
      + ' yang tersimpan.';
  } else {
    state.className = 'info';
    state.textContent = 'Sedang berjalan (dimulai ' + when(r.startedAt) + '). Halaman ini boleh dimuat ulang.';
  }
}

async function drawRejected(r) {
  const block = document.getElementById('rejected-block');
  const count = r.rejectedRows || 0;
  if (count === 0) { block.hidden = true; shownRejected = 0; return; }
  if (count === shownRejected) { return; }
  const res = await api('/api/admin/imports/' + r.importId + '/rejected?size=100');
  if (!res.ok) { return; }
  shownRejected = count;
  block.hidden = false;
  document.querySelector('#rejected tbody').innerHTML = res.body.map(row => '<tr data-line="' + row.line + '"><td class="num">'
    + row.line + '</td><td>' + esc(row.legacyNumber || '—') + '</td><td><ul>'
    + row.problems.map(p => '<li>' + esc(p) + '</li>').join('') + '</ul></td></tr>').join('');
  document.getElementById('rejected-more').textContent = count > res.body.length
    ? 'Ditampilkan ' + num(res.body.length) + ' baris pertama dari ' + num(count) + ' baris yang ditolak.' : '';
}

async function follow(importId) {
  clearTimeout(timer);
  if (current !== importId) { shownRejected = -1; }
  current = importId;
  const res = await api('/api/admin/imports/' + importId);
  if (current !== importId) { return; }
  if (!res.ok) {
    say('error', 'Kemajuan impor #' + importId + ' tidak dapat dibaca: ' + problemText(res.body, res.status));
    timer = setTimeout(() => follow(importId), 3000);
    return;
  }
  drawCurrent(res.body);
  await drawRejected(res.body);
  if (res.body.status === 'RUNNING') {
    timer = setTimeout(() => follow(importId), 1000);
  } else {
    listImports();
  }
}

async function listImports() {
  const box = document.getElementById('imports');
  const res = await api('/api/admin/imports?size=10');
  if (!res.ok) {
    box.textContent = 'Daftar impor tidak dapat dimuat: ' + problemText(res.body, res.status);
    return [];
  }
  const imports = res.body.filter(r => !r.dryRun);
  box.innerHTML = imports.length === 0 ? 'Belum ada impor.'
    : '<table id="import-list"><thead><tr><th>No.</th><th>Berkas</th><th>Dimulai</th><th>Oleh</th><th>Status</th>'
      + '<th>Diimpor</th><th>Ditolak</th><th>Sudah ada</th><th>Menunggu</th><th></th></tr></thead><tbody>'
      + imports.map(r => '<tr data-import-id="' + r.importId + '" data-status="' + esc(r.status) + '"'
        + (r.importId === current ? ' class="chosen"' : '') + '><td class="num">' + r.importId + '</td><td>'
        + esc(r.fileName || '—') + '</td><td>' + esc(when(r.startedAt)) + '</td><td>' + esc(r.importedBy || '—')
        + '</td><td>' + esc(r.statusLabel) + '</td><td class="num">' + num(r.importedRows) + ' / ' + num(r.totalRows)
        + '</td><td class="num">' + num(r.rejectedRows) + '</td><td class="num">' + num(r.existingRows)
        + '</td><td class="num">' + num(r.pendingRows) + '</td><td><button type="button" data-show="' + r.importId
        + '">Lihat</button></td></tr>').join('') + '</tbody></table>';
  return imports;
}

if (form) {
  document.getElementById('imports').addEventListener('click', e => {
    const id = e.target && e.target.dataset ? e.target.dataset.show : null;
    if (id) { follow(Number(id)); listImports(); }
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { say('error', 'Pilih berkas CSV lebih dahulu.'); return; }
    if (file.size === 0) { say('error', 'Berkas ' + file.name + ' kosong.'); return; }
    const data = new FormData();
    data.append('file', file);
    const headers = { 'Accept': 'application/json' };
    if (token) { headers['X-XSRF-TOKEN'] = token; }
    const button = document.getElementById('submit');
    button.disabled = true;
    say('info', 'Mengunggah ' + file.name + '…');
    try {
      const res = await api('/api/admin/imports?background=true', { method: 'POST', body: data, headers });
      if (res.status === 202) {
        say('ok', 'Berkas ' + file.name + ' diterima sebagai impor #' + res.body.importId
          + '; impor berjalan di latar belakang.');
        form.reset();
        await listImports();
        follow(res.body.importId);
      } else {
        say('error', 'Berkas ' + file.name + ' ditolak: ' + problemText(res.body, res.status)
          + ' Tidak ada data yang disimpan.');
      }
    } catch (err) {
      say('error', 'Unggahan gagal: sambungan terputus. Coba lagi.');
    } finally {
      button.disabled = false;
    }
  });
  // after a reload: the running import (else the latest) is shown again
  listImports().then(imports => {
    const running = imports.find(r => r.status === 'RUNNING');
    const shown = running || imports[0];
    if (shown && current == null) { follow(shown.importId); }
  });
}
