package id.go.kerjasama.documents;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.DocumentKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML page behind the "unggah dokumen" link of the signing forms:
 * Camunda Forms in Tasklist have no file picker. It posts the file to
 * {@code POST /api/agreements/{id}/documents} (same origin, same login as the
 * rest of /api: the Tasklist session with its CSRF token, or HTTP Basic) and
 * lists the versions already stored.
 */
final class UploadPage {

  /** The page's only style sheet, inline; allowed by its hash in {@link #CONTENT_SECURITY_POLICY}. */
  static final String STYLE = """
          body { font-family: sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
          label { display: block; margin-top: 1rem; font-weight: bold; }
          button { margin-top: 1rem; padding: .5rem 1.2rem; }
          #result { margin-top: 1rem; padding: .6rem; display: none; }
          .ok { background: #e7f6e7; border: 1px solid #7c7; } .error { background: #fbe9e9; border: 1px solid #d77; }
          table { border-collapse: collapse; margin-top: .5rem; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .3rem; text-align: left; font-size: .9rem; }
        """;

  /** The page's only script, inline and the same on every page (the agreement's address is in data-base). */
  static final String SCRIPT = """
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
        """;

  /**
   * The page's Content-Security-Policy: nothing but its own inline script
   * and style (by hash) and requests to this origin; no framing.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
      + sha256(STYLE) + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private UploadPage() {
  }

  private static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The page; {@code csrfToken} is the webapps' session token (null for HTTP
   * Basic), sent back as {@code X-XSRF-TOKEN} with the upload.
   */
  static String render(Agreement agreement, DocumentKind selected, String maxSize, String csrfToken) {
    String options = Arrays.stream(DocumentKind.values())
        .filter(k -> k.belongsTo(agreement.type()))
        .map(k -> "<option value=\"" + k.name() + "\"" + (k == selected ? " selected" : "") + ">"
            + HtmlUtils.htmlEscape(k.label()) + "</option>")
        .collect(Collectors.joining());
    String base = "/api/agreements/" + agreement.id() + "/documents";
    return """
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Unggah dokumen %1$s</title>
        <style>%6$s</style>
        </head>
        <body>
        <h1>Unggah dokumen kerja sama</h1>
        <p><strong>%1$s</strong> &ndash; %2$s</p>
        <p>Unggah dokumen yang telah ditandatangani (PDF, atau hasil pindaian JPEG/PNG), paling besar %3$s.
        Setiap unggahan disimpan sebagai versi baru; versi lama tidak ditimpa.
        Setelah berhasil, kembali ke Tasklist dan selesaikan tugas.</p>
        <form id="upload" data-base="%5$s" data-token="%8$s">
          <label for="kind">Jenis dokumen</label>
          <select id="kind" name="kind" required>%4$s</select>
          <label for="file">Berkas</label>
          <input id="file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" required>
          <div><button type="submit">Unggah</button></div>
        </form>
        <div id="result"></div>
        <h2>Dokumen tersimpan</h2>
        <div id="documents">Memuat&hellip;</div>
        <p><a href="/camunda/app/tasklist/">Kembali ke Tasklist</a></p>
        <script>%7$s</script>
        </body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(agreement.registrationNumber()), HtmlUtils.htmlEscape(agreement.title()),
        maxSize, options, base, STYLE, SCRIPT, csrfToken == null ? "" : HtmlUtils.htmlEscape(csrfToken));
  }
}
