package id.go.kerjasama.registry;

import id.go.kerjasama.platform.time.BusinessClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry search (docs/api.md "Search"): {@code GET /api/agreements}
 * (JSON, paginated) and the CSV export of the same query
 * ({@code GET /api/agreements.csv} or {@code GET /api/agreements?format=csv}).
 */
@RestController
@Tag(name = "Registri kerja sama", description = "Pencarian, ekspor CSV dan rincian kerja sama")
class AgreementSearchController {

  static final List<String> CSV_COLUMNS = List.of("registration_number", "legacy_number", "cooperation_type", "title",
      "partner_name", "partner_country", "proposer_unit", "proposer_province", "partner_ministry",
      "location_provinces", "sectors", "phase", "status", "document_kind", "document_number", "signed_on",
      "start_date", "end_date", "term");

  private final AgreementSearch search;
  private final AgreementAccess access;

  public AgreementSearchController(AgreementSearch search, AgreementAccess access) {
    this.search = search;
    this.access = access;
  }

  @GetMapping(value = "/api/agreements", params = "format!=csv")
  @Operation(summary = "Cari kerja sama (berhalaman)", description = "Semua filter opsional. Provinsi, kabupaten/kota "
      + "dan kementerian hanya melihat kerja sama yang melibatkannya; Fasker, pengawas dan administrator melihat semua.")
  public AgreementPage search(@ParameterObject AgreementSearchParams params) {
    return search.page(params.toQuery(), readerGroups(), params.pageOrDefault(), params.sizeOrDefault());
  }

  @GetMapping(value = "/api/agreements.csv", produces = "text/csv")
  @Operation(summary = "Ekspor CSV hasil pencarian", description = "Filter dan urutan sama dengan pencarian, tanpa halaman; "
      + "UTF-8 dengan BOM, pemisah koma, daftar dipisah titik koma.")
  public void csv(@ParameterObject AgreementSearchParams params, HttpServletResponse response) {
    writeCsv(params, response);
  }

  @GetMapping(value = "/api/agreements", params = "format=csv", produces = "text/csv")
  @Operation(summary = "Ekspor CSV hasil pencarian (sama dengan /api/agreements.csv)")
  public void csvByFormat(@ParameterObject AgreementSearchParams params, HttpServletResponse response) {
    writeCsv(params, response);
  }

  private void writeCsv(AgreementSearchParams params, HttpServletResponse response) {
    AgreementQuery query = params.toQuery();
    List<String> groups = readerGroups();
    AgreementSearch.orderBy(query.sort()); // a bad sort is refused before the download starts
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("kerja-sama-" + BusinessClock.today() + ".csv").build().toString());
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
      out.write(CsvFormat.BOM);
      CsvFormat.write(out, CSV_COLUMNS);
      search.forEach(query, groups, a -> CsvFormat.write(out, Arrays.asList(a.registrationNumber(), a.legacyNumber(),
          a.type(), a.title(), a.partnerName(), a.partnerCountry(), a.proposerUnit(), a.proposerProvince(),
          a.partnerMinistry(), a.locationProvinces(), a.sectors(), a.phase(), a.status(), a.documentKind(),
          a.documentNumber(), a.signedOn(), a.startDate(), a.endDate(), a.term())));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code null} (no restriction) for central roles, else the reader's groups. */
  private List<String> readerGroups() {
    List<String> groups = access.currentGroups();
    return AgreementAccess.isCentral(groups) ? null : groups;
  }
}
