package id.go.kerjasama.operations.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Root of the plugin's REST resources: {@code /camunda/api/cockpit/plugin/kerjasama/{engine}/dashboard}. */
@Path("plugin/" + KerjasamaCockpitPlugin.ID)
public class KerjasamaRootResource extends AbstractCockpitPluginRootResource {

  public KerjasamaRootResource() {
    super(KerjasamaCockpitPlugin.ID);
  }

  @Path("{engineName}/dashboard")
  public DashboardResource dashboard(@PathParam("engineName") String engineName) {
    return subResource(new DashboardResource(engineName), engineName);
  }
}
