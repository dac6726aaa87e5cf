package modulefixture.wrongarrow.platform.security;

import modulefixture.wrongarrow.lifecycle.LifecycleProcess;

/** The wrong arrow: platform → lifecycle. */
public class RoleGrants {

  public String startableProcess() {
    return LifecycleProcess.processKey();
  }
}
