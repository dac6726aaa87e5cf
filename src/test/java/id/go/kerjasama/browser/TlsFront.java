package id.go.kerjasama.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS front for the application in a test, as the reverse proxy in
 * production (docs/operations.md): it ends TLS on its own port and passes the
 * bytes on unchanged to the application's plain HTTP port. An officer's
 * browser pays for the TLS handshakes, and offers Brotli
 * ({@code Accept-Encoding: ... br}) only to secure origins (HTTPS; in the
 * tests {@code http://localhost} counts as one too, a server's address does
 * not), so the officer's load is measured through TLS. The
 * certificate is self-signed for {@code localhost}, made by the JDK's
 * {@code keytool} in {@code target/}; the browser trusts its key through
 * {@code --ignore-certificate-errors-spki-list} ({@link #spkiHash()}), not
 * {@code --ignore-certificate-errors}: with a certificate error Chromium keeps
 * nothing in its cache, and the repeat load would measure nothing.
 */
final class TlsFront implements AutoCloseable {

  private static final char[] SECRET = "kerjasama-test".toCharArray();
  private final SSLServerSocket server;
  private final int backendPort;
  private final Thread acceptor;

  TlsFront(int backendPort) throws Exception {
    this.backendPort = backendPort;
    SSLContext tls = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore(), SECRET);
    tls.init(keys.getKeyManagers(), null, null);
    server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    acceptor = new Thread(this::accept, "tls-front");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base64 SHA-256 of the certificate's public key, as Chromium's {@code --ignore-certificate-errors-spki-list} wants it. */
  static String spkiHash() throws Exception {
    java.security.cert.Certificate certificate = keyStore().getCertificate("localhost");
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
    return java.util.Base64.getEncoder().encodeToString(digest);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        client.setTcpNoDelay(true);
        backend.setTcpNoDelay(true);
        pump(client, backend);
        pump(backend, client);
      } catch (IOException e) {
        // closed, or one connection failed: the browser opens another
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // the other side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tls-front-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static synchronized KeyStore keyStore() throws Exception {
    Path file = Path.of("target", "tls-front", "localhost.p12");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
          "-keystore", file.toString(), "-storepass", new String(SECRET), "-keypass", new String(SECRET))
          .redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, SECRET);
    }
    return store;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
