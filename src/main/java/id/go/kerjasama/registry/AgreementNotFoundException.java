package id.go.kerjasama.registry;

import id.go.kerjasama.platform.web.NotFoundException;

class AgreementNotFoundException extends NotFoundException {

  public AgreementNotFoundException(long id) {
    super("Kerja sama dengan id " + id + " tidak ditemukan");
  }
}
