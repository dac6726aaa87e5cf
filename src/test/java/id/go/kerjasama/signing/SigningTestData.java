package id.go.kerjasama.signing;

import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test data of the signing phase: proposals, signing forms, document contents. */
public final class SigningTestData {

  public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  private SigningTestData() {
  }

  public static NewProposal proposal(CooperationType type, String proposer, String province, String partnerMinistry,
                                     LocalDate start) {
    return new NewProposal(type, "Kerja sama uji penandatanganan " + type.name().toLowerCase(), "Mitra uji",
        type == CooperationType.DALAM_NEGERI ? "Indonesia" : "Jepang", proposer, province, partnerMinistry,
        province == null ? List.of("province-53") : List.of(province), List.of("PENDIDIKAN"), start, 24, false);
  }

  /** The signing form's values: number, signatories, signed today, in force from today for {@code months}. */
  public static Map<String, Object> signing(String number, LocalDate today, int months) {
    Map<String, Object> v = new HashMap<>();
    v.put("documentNumber", number);
    v.put("signatories", "Kepala Daerah, Perwakilan Mitra");
    v.put("signedOn", today.toString());
    v.put("startDate", today.toString());
    v.put("endDate", today.plusMonths(months).toString());
    return v;
  }

  /** A PDF whose content differs per call (so checksums differ). */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }
}
