package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.forms.FormValues;
import java.time.LocalDate;
import java.util.Map;

/** A validated foreign staff member to register ({@code POST /api/ngos/{id}/staff}). */
record NewStaff(String name, String nationality, String passportNumber, String position, String stayPermitNumber,
                LocalDate periodStart, LocalDate periodEnd) {

  static NewStaff read(Map<String, Object> body) {
    FormValues form = new FormValues(body);
    String name = form.text("name", "Nama tenaga asing", 2, 200);
    String nationality = form.text("nationality", "Kewarganegaraan", 2, 100);
    String passport = form.text("passportNumber", "Nomor paspor", 5, 40);
    String position = form.text("position", "Jabatan", 2, 200);
    String stayPermit = form.text("stayPermitNumber", "Nomor izin tinggal (KITAS)", 5, 60);
    LocalDate start = form.date("periodStart", "Mulai penugasan");
    LocalDate end = form.date("periodEnd", "Akhir penugasan");
    if (start != null && end != null && !end.isAfter(start)) {
      form.problem("Akhir penugasan harus sesudah mulai penugasan");
    }
    form.throwIfInvalid();
    return new NewStaff(name, nationality, passport, position, stayPermit, start, end);
  }
}
