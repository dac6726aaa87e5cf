package id.go.kerjasama.agreement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Settings of the legacy import ({@code kerjasama.import.*}). */
@Component
public class ImportSettings {

  private final int renewalWindowMonths;

  public ImportSettings(@Value("${kerjasama.import.renewal-window-months:6}") int renewalWindowMonths) {
    this.renewalWindowMonths = renewalWindowMonths;
  }

  /** An imported agreement in force that ends within this many months starts in the renewal phase. */
  public int renewalWindowMonths() {
    return renewalWindowMonths;
  }
}
