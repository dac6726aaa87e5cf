package id.go.kerjasama.platform.notification;

/**
 * The process variables notification reads from any instance, named here
 * once because the platform may not know the modules that set them: the
 * registry's shared variables ({@code registry/ProcessVariables}) refer to
 * these names instead of repeating them.
 */
public final class NotifiedVariables {

  /**
   * The agreement's registration number (also the business key): a new
   * task's mail names it, and a mail instance carries it so that
   * administrators find the instance in Cockpit.
   */
  public static final String REGISTRATION_NUMBER = "registrationNumber";

  private NotifiedVariables() {
  }
}
