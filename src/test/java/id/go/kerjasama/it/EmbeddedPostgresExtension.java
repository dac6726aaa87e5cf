package id.go.kerjasama.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the embedded PostgreSQL before Spring builds the application of a test class. */
public class EmbeddedPostgresExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    EmbeddedPostgresDatabase.useFreshDatabaseOnce("kerjasama_it");
  }
}
