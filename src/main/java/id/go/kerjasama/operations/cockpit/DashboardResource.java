package id.go.kerjasama.operations.cockpit;

import id.go.kerjasama.operations.AdminAccess;
import id.go.kerjasama.operations.DashboardService;
import id.go.kerjasama.operations.OperationsBeans;
import id.go.kerjasama.operations.Redeployment;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.NotFoundException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's data, for the Cockpit session's user. Read-only for
 * supervisors, Fasker and administrators; administrators may also redeploy
 * the model folders from here.
 */
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource extends AbstractCockpitPluginResource {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardResource.class);

  public DashboardResource(String engineName) {
    super(engineName);
  }

  /** The charts: agreements by phase and type, by province, overdue tasks, agreements ending soon, ratings. */
  @GET
  public Response dashboard() {
    return answer(() -> {
      access().checkDashboard();
      return service().dashboard();
    });
  }

  /**
   * Who is asking, their groups and whether they may write: the page shows the redeploy button to
   * administrators ({@code camunda-admin}) only; the write endpoints check it again.
   */
  @GET
  @Path("me")
  public Response me() {
    return answer(() -> {
      access().checkDashboard();
      return Map.of("userId", String.valueOf(access().currentUserId()), "admin", access().isAdmin(),
          "groups", access().currentGroups());
    });
  }

  /** The choices of the agreement table's filters (type, phase, status, province) with their labels. */
  @GET
  @Path("search-options")
  public Response searchOptions() {
    return answer(() -> {
      access().checkDashboard();
      return service().searchOptions();
    });
  }

  /** Finished lifecycle instances, newest first. */
  @GET
  @Path("finished")
  public Response finished(@QueryParam("max") @DefaultValue("100") int max) {
    return answer(() -> {
      access().checkDashboard();
      return service().finished(max);
    });
  }

  /** The history of one lifecycle instance. */
  @GET
  @Path("finished/{processInstanceId}")
  public Response history(@PathParam("processInstanceId") String processInstanceId) {
    return answer(() -> {
      access().checkDashboard();
      return service().history(processInstanceId);
    });
  }

  /** Administrators: redeploy the model folders (like {@code POST /api/admin/deployments}). */
  @POST
  @Path("redeploy")
  public Response redeploy() {
    return answer(() -> {
      access().checkAdmin();
      return OperationsBeans.get(Redeployment.class).redeploy(access().currentUserId());
    });
  }

  private static AdminAccess access() {
    return OperationsBeans.get(AdminAccess.class);
  }

  private static DashboardService service() {
    return OperationsBeans.get(DashboardService.class);
  }

  private static Response answer(Supplier<Object> work) {
    try {
      return Response.ok(work.get(), MediaType.APPLICATION_JSON).build();
    } catch (ForbiddenException e) {
      return error(Response.Status.FORBIDDEN, e.getMessage());
    } catch (NotFoundException e) {
      return error(Response.Status.NOT_FOUND, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Dashboard request failed", e);
      return error(Response.Status.INTERNAL_SERVER_ERROR,
          "Terjadi kesalahan pada server; silakan coba lagi atau hubungi administrator");
    }
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("status", status.getStatusCode(), "message", message)).build();
  }
}
