package id.go.kerjasama.registry;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters of {@code GET /api/agreements} and its CSV export (docs/api.md). */
record AgreementSearchParams(
    @Parameter(description = "Jenis kerja sama (boleh berulang): KSDD, KSDPK, KSDPL, KSDLL, ORMAS_ASING, LUAR_NEGERI, DALAM_NEGERI")
    List<CooperationType> type,
    @Parameter(description = "Tahap (boleh berulang), mis. SIGNING, MONITORING, RENEWAL, CLOSED")
    List<Phase> phase,
    @Parameter(description = "Status (boleh berulang), mis. ACTIVE, APPROVED, EXPIRED")
    List<Status> status,
    @Parameter(description = "Kode atau grup provinsi (32 atau province-32): pengusul atau lokasi")
    String province,
    @Parameter(description = "Kode atau grup kementerian (kemensos atau ministry-kemensos): pengusul atau mitra utama")
    String ministry,
    @Parameter(description = "Grup unit pengusul, mis. regency-3273")
    String proposer,
    @Parameter(description = "Bagian nama mitra, tanpa membedakan huruf besar/kecil")
    String partner,
    @Parameter(description = "Negara mitra, mis. Jepang")
    String partnerCountry,
    @Parameter(description = "Bidang (boleh berulang), mis. PENDIDIKAN")
    List<Sector> sector,
    @Parameter(description = "Jenis dokumen saat ini (boleh berulang): MSP, LOI, MOU, NK, PKS")
    List<DocumentKind> documentKind,
    @Parameter(description = "Tanggal berakhir sebelum hari ini (TTTT-BB-HH, tidak termasuk)")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endBefore,
    @Parameter(description = "Tanggal berakhir sesudah hari ini (TTTT-BB-HH, tidak termasuk)")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endAfter,
    @Parameter(description = "Teks bebas: judul, mitra, negara, nomor registrasi, nomor dokumen, nomor lama")
    String q,
    @Parameter(description = "Halaman, mulai 0 (bawaan 0; diabaikan pada CSV)")
    Integer page,
    @Parameter(description = "Ukuran halaman 1..200 (bawaan 20; diabaikan pada CSV)")
    Integer size,
    @Parameter(description = "Urutan kolom,asc|desc (boleh berulang), mis. endDate,asc; bawaan createdAt,desc")
    List<String> sort,
    @Parameter(description = "Grup ormas asing yang menjadi pihak, mis. ngo-demo")
    String ngo) {

  public AgreementQuery toQuery() {
    return new AgreementQuery(type, phase, status, province, ministry, proposer, partner, partnerCountry, sector,
        documentKind, endBefore, endAfter, q, sort, ngo);
  }

  public int pageOrDefault() {
    return page == null ? 0 : page;
  }

  public int sizeOrDefault() {
    return size == null ? 20 : size;
  }
}
