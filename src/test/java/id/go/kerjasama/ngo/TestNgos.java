package id.go.kerjasama.ngo;

import java.util.HashMap;
import java.util.Map;

/**
 * The registration of a test NGO (the body of {@code POST /api/ngos}, read by {@link NewNgo#read}), the same for
 * the process tests ({@code NgoTestSupport}) and the REST and browser tests ({@code IntegrationTest.registerNgo}).
 */
public final class TestNgos {

  private TestNgos() {
  }

  /** A Swiss foundation with an office in Bandar Lampung (the REST and browser tests). */
  public static Map<String, Object> swissFoundation(String code, String name) {
    return registration(code, name, "Swiss", "Stiftungsurkunde 2004, Handelsregister Bern", "Lea Meier", "lea",
        "Jl. Diponegoro No. 7, Bandar Lampung");
  }

  /** A German association with an office in Bandar Lampung (the process tests). */
  static Map<String, Object> germanAssociation(String code, String name) {
    return registration(code, name, "Jerman", "Satzung e.V., Amtsgericht Berlin VR 12345", "Klaus Weber", "klaus",
        "Jl. Teuku Umar No. 5, Bandar Lampung");
  }

  private static Map<String, Object> registration(String code, String name, String country, String legalDocuments,
                                                  String contactName, String mailbox, String localOffice) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("country", country);
    body.put("legalDocuments", legalDocuments);
    body.put("contactName", contactName);
    body.put("contactEmail", mailbox + "@" + code + ".example");
    body.put("localOffice", localOffice);
    return body;
  }
}
