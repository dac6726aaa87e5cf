package id.go.kerjasama.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * The only expressions a task query or a Tasklist filter may carry: the
 * documented Tasklist helpers {@code currentUser()}, {@code currentUserGroups()},
 * {@code now()} and {@code dateTime()} with whole-number date arithmetic.
 * Anything else (a method call on a class, a bean, a string literal) is
 * refused before the engine evaluates it, whoever sends it and by whatever
 * path: the engine evaluates expressions of "or" queries even when ad-hoc
 * expressions are switched off, which let any user run code on the server.
 */
final class QueryExpressions {

  private static final String DATE_STEP =
      "\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\s*\\d{1,5}\\s*\\)"
          + "|\\.withTimeAtStartOfDay\\(\\s*\\)";
  private static final Pattern ALLOWED = Pattern.compile(
      "\\$\\{\\s*(?:currentUser\\(\\s*\\)|currentUserGroups\\(\\s*\\)|now\\(\\s*\\)"
          + "|dateTime\\(\\s*\\)(?:" + DATE_STEP + ")*(?:\\.toDate\\(\\s*\\))?)\\s*}");

  private QueryExpressions() {
  }

  static boolean allowed(String expression) {
    return expression != null && ALLOWED.matcher(expression).matches();
  }

  /** Refuses the query (400) when it or one of its "or" queries holds an expression that is not allowed. */
  static void check(Query<?, ?> query) {
    if (query == null) {
      return;
    }
    List<String> refused = new ArrayList<>();
    for (AbstractQuery<?, ?> part : parts(query)) {
      part.getExpressions().values().stream().filter(e -> !allowed(e)).forEach(refused::add);
    }
    if (!refused.isEmpty()) {
      throw refusal();
    }
  }

  static BadUserRequestException refusal() {
    return new BadUserRequestException("Ekspresi dalam kueri tidak diizinkan. Yang boleh dipakai hanya "
        + "${currentUser()}, ${currentUserGroups()}, ${now()} dan ${dateTime()} dengan plusDays/minusDays dan "
        + "sejenisnya.");
  }

  private static Collection<AbstractQuery<?, ?>> parts(Query<?, ?> query) {
    List<AbstractQuery<?, ?>> parts = new ArrayList<>();
    if (query instanceof TaskQueryImpl task) {
      parts.add(task);
      parts.addAll(task.getQueries());
    } else if (query instanceof AbstractQuery<?, ?> other) {
      parts.add(other);
    }
    return parts;
  }
}
