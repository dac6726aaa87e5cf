package id.go.kerjasama.operations.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "kerjasama": the supervisors' portfolio dashboard
 * (Cockpit menu "Dasbor Kerja Sama"). Registered through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin};
 * Cockpit loads its script {@code plugin-webapp/kerjasama/app/plugin.js} and
 * serves its REST resources under {@code /camunda/api/cockpit/plugin/kerjasama/<engine>/}.
 */
public class KerjasamaCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "kerjasama";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(KerjasamaRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
