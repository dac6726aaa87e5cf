package id.go.kerjasama.registry;

import id.go.kerjasama.registry.MyAgreements.MyAgreementPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agreements/mine}: "Kerja sama saya", the reader's own
 * agreements with their phase and next task (docs/api.md "My agreements").
 * Whose they are is taken from the authenticated user's groups only; the
 * endpoint has no parameter that widens or names the unit.
 */
@RestController
@Tag(name = "Registri kerja sama")
class MyAgreementsController {

  private final MyAgreements myAgreements;
  private final AgreementAccess access;

  MyAgreementsController(MyAgreements myAgreements, AgreementAccess access) {
    this.myAgreements = myAgreements;
    this.access = access;
  }

  @GetMapping("/api/agreements/mine")
  @Operation(summary = "Kerja sama saya: kerja sama unit Anda dengan tahap dan tugas berikutnya",
      description = "Kerja sama yang pihaknya (pengusul, daerah mitra KSDD, kementerian mitra utama, ormas asing) "
          + "adalah salah satu kelompok Anda; terbaru diubah lebih dulu. Tugas berikutnya: tugas terbuka dengan "
          + "tenggat paling dekat (nama, kelompok, tenggat hh/bb/tttt).")
  public MyAgreementPage mine(
      @Parameter(description = "Teks bebas: bagian judul, nomor registrasi, mitra, nomor dokumen")
      @RequestParam(required = false) String q,
      @Parameter(description = "Halaman, mulai 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Ukuran halaman 1..50 (bawaan 20)") @RequestParam(defaultValue = "20") int size) {
    return myAgreements.page(access.currentGroups(), q, page, size);
  }
}
