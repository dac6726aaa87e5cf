const form = document.getElementById('preferences');
const token = form.dataset.token;
const all = document.getElementById('enabled');
const kinds = document.getElementById('kinds');
const result = document.getElementById('result');
function sync() { kinds.disabled = !all.checked; }
function show(preference) {
  all.checked = preference.enabled;
  preference.kinds.forEach(k => {
    const box = form.querySelector('[data-kind="' + k.kind + '"]');
    if (box) { box.checked = k.enabled; }
  });
  sync();
  const off = preference.kinds.filter(k => !k.enabled).map(k => k.label);
  result.className = 'ok';
  result.textContent = !preference.enabled ? 'Tersimpan. Anda tidak akan menerima e-mail pemberitahuan.'
    : 'Tersimpan. ' + (off.length ? 'Tidak dikirim: ' + off.join(', ') + '.' : 'Semua jenis pemberitahuan dikirim.');
}
all.addEventListener('change', sync);
sync();
form.addEventListener('submit', async e => {
  e.preventDefault();
  const body = { enabled: all.checked, kinds: {} };
  form.querySelectorAll('[data-kind]').forEach(box => { body.kinds[box.dataset.kind] = box.checked; });
  const headers = { 'Accept': 'application/json', 'Content-Type': 'application/json' };
  if (token) { headers['X-XSRF-TOKEN'] = token; }
  result.className = '';
  result.textContent = 'Menyimpan…';
  try {
    const res = await fetch('/api/me/notifications', { method: 'PUT', credentials: 'same-origin', headers,
      body: JSON.stringify(body) });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) {
      show(answer);
    } else {
      result.className = 'error';
      result.textContent = 'Gagal menyimpan: ' + (answer.message || ('HTTP ' + res.status));
    }
  } catch (err) {
    result.className = 'error';
    result.textContent = 'Gagal menyimpan: sambungan terputus. Coba lagi.';
  }
});
