const base = document.getElementById('upload').dataset.base;
const token = document.getElementById('upload').dataset.token;
const headers = token ? { 'Accept': 'application/json', 'X-XSRF-TOKEN': token } : { 'Accept': 'application/json' };
function when(iso) { return iso ? new Date(iso).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'short' }) : ''; }
function esc(s) { const d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
async function load() {
  const res = await fetch(base, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
  const docs = res.ok ? await res.json() : [];
  const rows = [];
  docs.forEach(d => d.versions.forEach(v => rows.push('<tr><td>' + esc(d.kindLabel) + '</td><td>' + d.term
    + '</td><td>' + v.versionNo + '</td><td><a href="' + esc(v.contentUrl) + '">' + esc(v.fileName) + '</a></td><td>'
    + esc(v.uploadedBy) + '</td><td>' + esc(when(v.uploadedAt)) + '</td></tr>')));
  document.getElementById('documents').innerHTML = rows.length === 0 ? 'Belum ada dokumen.'
    : '<table><tr><th>Jenis</th><th>Masa</th><th>Versi</th><th>Berkas</th><th>Diunggah oleh</th><th>Waktu</th></tr>'
      + rows.join('') + '</table>';
}
document.getElementById('upload').addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData();
  data.append('file', document.getElementById('file').files[0]);
  const kind = document.getElementById('kind').value;
  const res = await fetch(base + '?kind=' + encodeURIComponent(kind),
    { method: 'POST', body: data, credentials: 'same-origin', headers: headers });
  const body = await res.json().catch(() => ({}));
  const box = document.getElementById('result');
  box.style.display = 'block';
  if (res.ok) {
    const v = body.versions[body.versions.length - 1];
    box.className = 'ok';
    box.innerHTML = 'Tersimpan: ' + esc(body.kindLabel) + ' versi ' + v.versionNo + ' (' + esc(v.fileName) + ').';
  } else {
    box.className = 'error';
    box.innerHTML = 'Gagal: ' + esc(body.message || res.status);
  }
  load();
});
load();
