package id.go.kerjasama.platform.notification;

/**
 * Why a mail is sent; stored with each notification. Each user may switch
 * each kind off on the e-mail preferences page; label and description are
 * what that page shows.
 */
public enum NotificationKind {
  /** A new user task reached the recipient's group. */
  NEW_TASK("Tugas baru", "Tugas baru masuk ke kelompok Anda di Tasklist."),
  /** A task or report of the recipient's unit is due soon; an NGO's permit or staff stay ends soon. */
  REMINDER("Pengingat tenggat", "Tenggat laporan atau tugas unit Anda sudah dekat; izin ormas asing atau masa "
      + "tinggal stafnya akan berakhir."),
  /** A task is overdue: its unit, the supervising province and Fasker are told. */
  ESCALATION("Keterlambatan", "Laporan atau tugas sudah melewati tenggat (dikirim ke unit, provinsi pembina dan "
      + "Fasker)."),
  /** A region's cooperation that needs no central approval: Kemendagri and the province are informed. */
  INFORMATION("Informasi kerja sama", "Pemberitahuan tanpa tugas, mis. kerja sama daerah yang tidak memerlukan "
      + "persetujuan pusat, atau keputusan izin operasional ormas asing.");

  private final String label;
  private final String description;

  NotificationKind(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }
}
