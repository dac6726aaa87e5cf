package id.go.kerjasama.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST answers for a person's bad input, on {@code /engine-rest} and
 * on the webapps' own copy of it ({@code /camunda/api/engine/...}, which
 * Tasklist and Cockpit call; registered there by {@link Discovery}, a Jersey
 * auto-discoverable in {@code META-INF/services}):
 * <ul>
 *   <li>The REST layer wraps an error of {@code submit-form} as HTTP 500
 *   "Cannot submit task form &lt;id&gt;: …" even when the cause is bad input
 *   (a form's rule, a variable its form does not declare): such a cause
 *   answers 400 (403 for a right the user lacks) with the cause's own
 *   Indonesian message, no engine prefix.</li>
 *   <li>A body that is not JSON, or JSON of the wrong shape: 400 in Bahasa
 *   Indonesia (Camunda answers with Jackson's English text).</li>
 *   <li>A variable type nobody may store (Java serialization, no serializer for it), a JSON value that is
 *   not JSON: 400.</li>
 *   <li>What the database refuses: a second record where only one may be
 *   (a duplicate authorization, group, user) 409; a value too long for its
 *   column or a character it cannot store 400 — never the database's text.</li>
 *   <li>The same task completed twice at once (two tabs, two nodes): the loser 409 (its transaction lost to
 *   the other's, or it read the task before the other's commit and checked its right to it after, when the
 *   commit had removed the task and the rights on it with it) or 404 (the task was already completed), with
 *   an Indonesian message to reload the page — never a 403 telling a person they lack a right they had.</li>
 *   <li>Any other server error keeps Camunda's answer, except that a message
 *   with SQL or stack text is replaced by a plain one (the details are in the
 *   server log).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
  static final String SERVER_ERROR = "Terjadi kesalahan pada server; silakan coba lagi atau hubungi administrator.";
  private static final Pattern TECHNICAL = Pattern.compile("(?is)###|\\bSQL|org\\.postgresql|org\\.h2\\."
      + "|org\\.apache\\.ibatis|\\bjava\\.[a-z]+\\.|\\n\\s*at [a-z]|\\binsert into\\b|\\bupdate \\w+ set\\b"
      + "|\\bselect\\b.*\\bfrom\\b|duplicate key|\\bconstraint\\b");
  static final List<Class<?>> MAPPERS = List.of(BadInputMapper.class, EngineErrorMapper.class,
      ServerErrorMapper.class, JsonParseMapper.class, JsonMappingMapper.class);

  @Bean
  ResourceConfigCustomizer engineRestBadInputAnswers() {
    return config -> MAPPERS.forEach(mapper -> {
      if (!config.isRegistered(mapper)) {
        config.register(mapper);
      }
    });
  }

  /** Registers the mappers in every Jersey application of the server: the webapps' engine API among them. */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      MAPPERS.forEach(mapper -> {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper);
        }
      });
    }
  }

  @Provider
  @Priority(1)
  public static class BadInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = exception.getCause();
      Response race = race(exception, () -> engineOf(uri));
      if (race != null) {
        return race;
      }
      int status;
      if (cause instanceof AuthorizationException) {
        status = 403;
      } else if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
        status = 400;
      } else {
        Response database = refusal(exception);
        if (database != null) {
          return database;
        }
        Response response = camunda.toResponse(exception);
        if (response.getStatus() >= 400 && response.getStatus() < 500 && response.getEntity() instanceof ExceptionDto dto
            && dto.getMessage() != null) {
          dto.setMessage(indonesian(dto.getMessage()));
          return response;
        }
        return safe(response, exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", cause.getClass().getSimpleName());
      body.put("message", cause.getMessage());
      if (cause instanceof InvalidInputException invalid) {
        body.put("problems", invalid.problems());
      }
      return json(status, body);
    }
  }

  @Provider
  @Priority(1)
  public static class EngineErrorMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response race = race(exception, () -> engineOf(uri));
      if (race != null) {
        return race;
      }
      Response database = refusal(exception);
      return database != null ? database : safe(camunda.toResponse(exception), exception);
    }
  }

  @Provider
  @Priority(1)
  public static class ServerErrorMapper implements ExceptionMapper<Throwable> {

    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable exception) {
      Response database = refusal(exception);
      return database != null ? database : safe(camunda.toResponse(exception), exception);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return badJson("Isi permintaan bukan JSON yang valid (baris " + exception.getLocation().getLineNr()
          + ", kolom " + exception.getLocation().getColumnNr() + "). Periksa tanda kutip, koma, dan kurungnya.");
    }
  }

  @Provider
  @Priority(1)
  public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      String field = exception.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
      return badJson(field.isEmpty() ? "Isi permintaan tidak sesuai bentuk yang diharapkan; lihat dokumentasi API."
          : "Isian '" + field + "' tidak sesuai jenisnya (misalnya teks di tempat angka, atau daftar di tempat teks).");
    }
  }

  private static final Pattern ENGINE_PREFIX = Pattern.compile("^(?:Cannot (?:submit task form|instantiate process "
      + "definition|complete task|start process instance|set variables?|resolve task)(?: \\S+)?: )+", Pattern.DOTALL);
  private static final Pattern CONVERT = Pattern.compile("^Cannot convert value '(.*)' of type '(\\w+)'.*",
      Pattern.DOTALL);
  private static final Pattern UNSUPPORTED = Pattern.compile("^Unsupported value type '(.*)'.*", Pattern.DOTALL);

  /**
   * The REST layer's message for a value it cannot read, without the engine prefix, in Bahasa Indonesia where
   * the case is known (a value of the wrong kind, an unknown type); otherwise its own text without the prefix.
   */
  static String indonesian(String message) {
    String stripped = ENGINE_PREFIX.matcher(message).replaceFirst("");
    java.util.regex.Matcher convert = CONVERT.matcher(stripped);
    if (convert.matches()) {
      String kind = switch (convert.group(2)) {
        case "Integer", "Long", "Short", "Double" -> "angka";
        case "Date" -> "tanggal (yyyy-MM-dd'T'HH:mm:ss.SSSZ)";
        case "Boolean" -> "ya/tidak (true atau false)";
        case "Json" -> "JSON";
        default -> "jenis " + convert.group(2);
      };
      return "Nilai '" + shown(convert.group(1)) + "' bukan " + kind + " yang valid; periksa isiannya.";
    }
    java.util.regex.Matcher unsupported = UNSUPPORTED.matcher(stripped);
    if (unsupported.matches()) {
      return "Jenis data isian '" + shown(unsupported.group(1)) + "' tidak dikenal (hanya teks, angka, ya/tidak, "
          + "tanggal dan daftar).";
    }
    return stripped;
  }

  private static String shown(String value) {
    String plain = value.replaceAll("\\p{Cntrl}", "?");
    return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
  }

  private static Response badJson(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    return json(400, body);
  }

  /**
   * A variable of a type the engine does not take from anybody (Java serialization is switched off; no
   * serializer for the type): bad input, not a server error. Null for anything else.
   */
  static Response unsupportedType(Throwable exception) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof org.camunda.spin.spi.SpinDataFormatException) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", "Nilai JSON salah satu isian tidak valid; periksa tanda kutip, koma, dan kurungnya.");
        return json(400, body);
      }
      if (message != null && (message.contains("Java serialization format is prohibited")
          || message.contains("Cannot find serializer for value"))) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", "Jenis data isian tidak didukung (hanya teks, angka, ya/tidak, tanggal dan daftar; "
            + "objek Java atau XML tidak diterima).");
        return json(400, body);
      }
    }
    return null;
  }

  static final String CHANGED_MEANWHILE = "Tugas ini baru saja diselesaikan atau diubah oleh pengguna lain; muat "
      + "ulang halaman.";
  private static final Pattern TASK_GONE = Pattern.compile("(?i)Cannot find task with id|task is null");

  /**
   * Two people (or two tabs, two nodes) on the same task at once: the one who lost the race to the database
   * ({@link OptimisticLockingException}) 409, the one who came after the task was completed 404 — each with a
   * message in Bahasa Indonesia, never a 500. Null for anything else.
   *
   * <p>One more way to lose: the loser's command reads the task before the winner commits and checks the
   * user's right to work on it after; the winner's commit deleted the task and, with it, the authorizations
   * Camunda keeps for its assignee and candidates, so the check fails with an {@link AuthorizationException}
   * ("does not have TASK_WORK permission on resource &lt;task&gt;"). When the task it names no longer exists
   * in {@code engine}'s database, that is the same lost race: 409 with the same message, not 403. A task
   * that still exists keeps the 403 (the user really lacks the right).
   */
  static Response race(Throwable exception, Supplier<ProcessEngine> engine) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        LOG.info("Engine REST: a concurrent change won ({})", t.getMessage());
        return changedMeanwhile();
      }
      if (t instanceof TaskNoLongerOpenException
          || (t instanceof NullValueException && t.getMessage() != null && TASK_GONE.matcher(t.getMessage()).find())) {
        return json(404, Map.of("type", "TaskNoLongerOpenException", "message", TaskNoLongerOpenException.MESSAGE));
      }
      if (t instanceof AuthorizationException refused) {
        String task = taskOf(refused);
        if (task != null && taskGone(engine.get(), task)) {
          LOG.info("Engine REST: task {} was completed by another request while {} worked on it", task,
              refused.getUserId());
          return changedMeanwhile();
        }
        return null;
      }
    }
    return null;
  }

  private static Response changedMeanwhile() {
    return json(409, Map.of("type", "ConflictException", "message", CHANGED_MEANWHILE));
  }

  /** The task a refused right is about (TASK_WORK or another permission on a task), or null. */
  static String taskOf(AuthorizationException refused) {
    List<MissingAuthorization> missing = refused.getMissingAuthorizations();
    if (missing == null) {
      return null;
    }
    return missing.stream().filter(m -> Resources.TASK.resourceName().equals(m.getResourceType()))
        .map(MissingAuthorization::getResourceId).filter(id -> id != null && !"*".equals(id)).findFirst()
        .orElse(null);
  }

  /** Whether the task is absent from the runtime tables, read past the user's authorizations; false if unknown. */
  static boolean taskGone(ProcessEngine engine, String taskId) {
    if (engine == null) {
      return false;
    }
    try {
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
          () -> context.getTaskManager().findTaskById(taskId))) == null;
    } catch (RuntimeException e) {
      LOG.warn("Engine REST: could not tell whether task {} still exists", taskId, e);
      return false;
    }
  }

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/?engine/([^/]+)/");

  /**
   * The engine a request addressed: {@code …/engine/<name>/…} (the webapps' engine API always names it;
   * {@code /engine-rest} may), otherwise the default engine.
   */
  static ProcessEngine engineOf(UriInfo uri) {
    String name = null;
    try {
      Matcher named = uri == null ? null : NAMED_ENGINE.matcher(uri.getPath());
      if (named != null && named.find()) {
        name = named.group(1);
      }
    } catch (RuntimeException e) {
      // outside a request: the default engine
    }
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(name);
      if (engine != null) {
        return engine;
      }
    } catch (RuntimeException e) {
      LOG.debug("No engine provider for {}", name, e);
    }
    return name == null ? ProcessEngines.getDefaultProcessEngine() : ProcessEngines.getProcessEngine(name);
  }

  /** What the database or the engine refused as bad input ({@link #database}, {@link #unsupportedType}), or null. */
  static Response refusal(Throwable exception) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        // beyond Jackson's limits (a number of 5,000 digits, nesting too deep) or otherwise not readable
        return badJson("Isi permintaan bukan JSON yang dapat dibaca (angka terlalu panjang, susunan terlalu dalam, "
            + "atau tanda baca salah); lihat dokumentasi API.");
      }
    }
    Response unsupported = unsupportedType(exception);
    return unsupported != null ? unsupported : database(exception);
  }

  /**
   * What the database refused, by its SQL state: a unique key 409, a value too long or a character it cannot
   * store 400; null for anything else.
   */
  static Response database(Throwable exception) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        String message = switch (state) {
          case "23505" -> "Data yang sama sudah ada (misalnya otorisasi, kelompok, atau pengguna dengan nama itu); "
              + "muat ulang untuk melihatnya.";
          case "22001" -> "Salah satu isian terlalu panjang untuk disimpan; persingkat isiannya.";
          case "22021", "22P05" -> "Salah satu isian mengandung karakter yang tidak dapat disimpan (misalnya NUL).";
          default -> null;
        };
        if (message != null) {
          LOG.info("Engine REST: the database refused a request ({}): {}", state, sql.getMessage());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", state.equals("23505") ? "DuplicateException" : "InvalidRequestException");
          body.put("message", message);
          return json(state.equals("23505") ? 409 : 400, body);
        }
      }
    }
    return null;
  }

  /** Camunda's answer, without SQL or stack text in a server error's message. */
  static Response safe(Response response, Throwable exception) {
    if (response.getStatus() >= 500 && response.getEntity() instanceof ExceptionDto dto && dto.getMessage() != null
        && TECHNICAL.matcher(dto.getMessage()).find()) {
      LOG.warn("Engine REST server error (message withheld from the reply)", exception);
      dto.setMessage(SERVER_ERROR);
    }
    return response;
  }

  private static Response json(int status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
