package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.forms.FormValues;
import java.util.Map;

/** A validated NGO record to register ({@code POST /api/ngos}). */
public record NewNgo(String groupId, String name, String country, String legalDocuments, String contactName,
                     String contactEmail, String contactPhone, String localOffice) {

  static final String GROUP_PREFIX = "ngo-";

  /** Reads and checks the request body; every problem at once, in Bahasa Indonesia. */
  static NewNgo read(Map<String, Object> body) {
    FormValues form = new FormValues(body);
    String code = form.text("code", "Kode ormas asing", 2, 40);
    String name = form.text("name", "Nama ormas asing", 2, 200);
    String country = form.text("country", "Negara asal", 2, 100);
    String legal = form.text("legalDocuments", "Dokumen legalitas", 5, 2000);
    String contactName = form.text("contactName", "Nama narahubung", 2, 200);
    String contactEmail = form.text("contactEmail", "Surel narahubung", 5, 200);
    String contactPhone = form.optionalText("contactPhone", "Telepon narahubung", 50);
    String office = form.text("localOffice", "Alamat kantor perwakilan di Indonesia", 5, 500);
    if (code != null && !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      form.problem("Kode ormas asing hanya huruf kecil, angka dan tanda hubung, mis. save-the-children");
    }
    if (contactEmail != null && !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      form.problem("Surel narahubung tidak sah: " + contactEmail);
    }
    form.throwIfInvalid();
    return new NewNgo(GROUP_PREFIX + code, name, country, legal, contactName, contactEmail, contactPhone, office);
  }
}
