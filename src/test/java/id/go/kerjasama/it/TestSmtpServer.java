package id.go.kerjasama.it;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A test class's own SMTP server: GreenMail on a free port of 127.0.0.1, one server for the whole class
 * (register it with {@code @RegisterExtension} in a static field). The application reaches it through
 * {@link GreenMailRedirect} or, for nodes started by the test, {@code ApplicationNode.startWithMail}.
 */
public final class TestSmtpServer {

  private TestSmtpServer() {
  }

  /** A port of this host that nothing listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GreenMail on {@code port} of 127.0.0.1, started before the class's first test and stopped after its last. */
  public static GreenMailExtension on(int port) {
    return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);
  }
}
