package modulefixture.wrongarrow.lifecycle;

public final class LifecycleProcess {

  private LifecycleProcess() {
  }

  public static String processKey() {
    return "cooperation-lifecycle";
  }
}
