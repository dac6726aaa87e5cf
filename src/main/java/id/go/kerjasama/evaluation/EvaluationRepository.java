package id.go.kerjasama.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The evaluation tables (V4): one row per agreement and budget year, its
 * scores per evaluator and criterion, indicators and success stories. A
 * repeated write (a task completed again after a process modification, a job
 * run twice) replaces what that evaluator wrote before.
 */
@Repository
class EvaluationRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  public Optional<Long> find(long agreementId, int budgetYear) {
    return jdbc.queryForList("SELECT id FROM evaluation WHERE agreement_id = ? AND budget_year = ?", Long.class,
        agreementId, budgetYear).stream().findFirst();
  }

  /** The evaluation of that year; created when missing. */
  public long findOrCreate(long agreementId, int budgetYear, int term, EvaluationKind kind) {
    Optional<Long> existing = find(agreementId, budgetYear);
    if (existing.isPresent()) {
      jdbc.update("UPDATE evaluation SET term = ?, kind = ? WHERE id = ?", term, kind.name(), existing.get());
      return existing.get();
    }
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("INSERT INTO evaluation (agreement_id, budget_year, term, kind) VALUES (?, ?, ?, ?)")
        .params(agreementId,
            budgetYear,
            term,
            kind.name())
        .update(key, "id");
    return key.getKey().longValue();
  }

  public void updateSelf(long id, String by, Instant at, BigDecimal average, String notes) {
    jdbc.update("""
        UPDATE evaluation SET self_evaluated_by = ?, self_evaluated_at = ?, self_average_score = ?, self_notes = ?
        WHERE id = ?""", by, Timestamp.from(at), average, notes, id);
  }

  public void updateFasker(long id, String by, Instant at, BigDecimal average, int lowest, int achievement,
                           String notes) {
    jdbc.update("""
        UPDATE evaluation SET evaluated_by = ?, evaluated_at = ?, average_score = ?, lowest_score = ?,
          indicator_achievement = ?, notes = ? WHERE id = ?""",
        by, Timestamp.from(at), average, lowest, achievement, notes, id);
  }

  public void updateRating(long id, Rating rating, Recommendation recommendation, Instant at) {
    jdbc.update("UPDATE evaluation SET rating = ?, recommendation = ?, rated_at = ? WHERE id = ?",
        rating.name(), recommendation.name(), Timestamp.from(at), id);
  }

  public void replaceScores(long id, Evaluator evaluator, Map<Criterion, Assessment.Score> scores) {
    jdbc.update("DELETE FROM evaluation_score WHERE evaluation_id = ? AND evaluator = ?", id, evaluator.name());
    scores.forEach((criterion, s) -> jdbc.update("""
        INSERT INTO evaluation_score (evaluation_id, evaluator, criterion, score, justification)
        VALUES (?, ?, ?, ?, ?)""", id, evaluator.name(), criterion.name(), s.score(), s.justification()));
  }

  public void replaceIndicators(long id, List<Assessment.Indicator> indicators) {
    jdbc.update("DELETE FROM evaluation_indicator WHERE evaluation_id = ?", id);
    for (int i = 0; i < indicators.size(); i++) {
      Assessment.Indicator ind = indicators.get(i);
      jdbc.update("""
          INSERT INTO evaluation_indicator (evaluation_id, position, name, unit, target, achieved)
          VALUES (?, ?, ?, ?, ?, ?)""", id, i + 1, ind.name(), ind.unit(), ind.target(), ind.achieved());
    }
  }

  public List<Assessment.Indicator> indicators(long id) {
    return jdbc.query("SELECT * FROM evaluation_indicator WHERE evaluation_id = ? ORDER BY position",
        (rs, n) -> new Assessment.Indicator(rs.getString("name"), rs.getString("unit"), rs.getBigDecimal("target"),
            rs.getBigDecimal("achieved")), id);
  }

  public void replaceStories(long agreementId, long id, Evaluator evaluator, List<Assessment.SuccessStory> stories,
                             String by, Instant at) {
    jdbc.update("DELETE FROM success_story WHERE evaluation_id = ? AND evaluator = ?", id, evaluator.name());
    for (Assessment.SuccessStory s : stories) {
      jdbc.update("""
          INSERT INTO success_story (agreement_id, evaluation_id, evaluator, title, story, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)""", agreementId, id, evaluator.name(), s.title(), s.story(), by,
          Timestamp.from(at));
    }
  }

  /** Every evaluation of the agreement, oldest budget year first. */
  public List<EvaluationView> series(long agreementId) {
    Map<Long, EvaluationView> byId = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM evaluation WHERE agreement_id = ? ORDER BY budget_year", rs -> {
      long id = rs.getLong("id");
      EvaluationKind kind = EvaluationKind.valueOf(rs.getString("kind"));
      Rating rating = rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating"));
      Recommendation rec = rs.getString("recommendation") == null ? null
          : Recommendation.valueOf(rs.getString("recommendation"));
      byId.put(id, new EvaluationView(rs.getInt("budget_year"), rs.getInt("term"), kind, kind.label(),
          rs.getBigDecimal("self_average_score"), rs.getString("self_evaluated_by"),
          instant(rs.getTimestamp("self_evaluated_at")), rs.getString("self_notes"),
          rs.getBigDecimal("average_score"), (Integer) rs.getObject("lowest_score", Integer.class),
          (Integer) rs.getObject("indicator_achievement", Integer.class), rating,
          rating == null ? null : rating.label(), rec, rec == null ? null : rec.label(),
          rs.getString("evaluated_by"), instant(rs.getTimestamp("evaluated_at")), rs.getString("notes"),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }, agreementId);
    if (byId.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<Criterion, Integer[]>> scoreIndex = new LinkedHashMap<>();
    Map<Long, Map<Criterion, String[]>> justificationIndex = new LinkedHashMap<>();
    jdbc.query("""
        SELECT s.* FROM evaluation_score s JOIN evaluation e ON e.id = s.evaluation_id
        WHERE e.agreement_id = ?""", rs -> {
      long id = rs.getLong("evaluation_id");
      Criterion c = Criterion.valueOf(rs.getString("criterion"));
      int slot = Evaluator.valueOf(rs.getString("evaluator")) == Evaluator.SELF ? 0 : 1;
      scoreIndex.computeIfAbsent(id, k -> new EnumMap<>(Criterion.class))
          .computeIfAbsent(c, k -> new Integer[2])[slot] = rs.getInt("score");
      justificationIndex.computeIfAbsent(id, k -> new EnumMap<>(Criterion.class))
          .computeIfAbsent(c, k -> new String[2])[slot] = rs.getString("justification");
    }, agreementId);
    byId.forEach((id, view) -> {
      Map<Criterion, Integer[]> scores = scoreIndex.getOrDefault(id, Map.of());
      Map<Criterion, String[]> justifications = justificationIndex.getOrDefault(id, Map.of());
      for (Criterion c : Criterion.values()) {
        Integer[] s = scores.getOrDefault(c, new Integer[2]);
        String[] j = justifications.getOrDefault(c, new String[2]);
        view.criteria().add(new EvaluationView.CriterionView(c, c.label(), s[0], j[0], s[1], j[1]));
      }
    });
    jdbc.query("""
        SELECT i.* FROM evaluation_indicator i JOIN evaluation e ON e.id = i.evaluation_id
        WHERE e.agreement_id = ? ORDER BY i.evaluation_id, i.position""", rs -> {
      byId.get(rs.getLong("evaluation_id")).indicators().add(new EvaluationView.IndicatorView(rs.getString("name"),
          rs.getString("unit"), rs.getBigDecimal("target"), rs.getBigDecimal("achieved")));
    }, agreementId);
    jdbc.query("SELECT * FROM success_story WHERE agreement_id = ? ORDER BY id", rs -> {
      EvaluationView view = byId.get(rs.getLong("evaluation_id"));
      if (view != null) {
        view.successStories().add(new EvaluationView.SuccessStoryView(Evaluator.valueOf(rs.getString("evaluator")),
            rs.getString("title"), rs.getString("story"), rs.getString("recorded_by"),
            instant(rs.getTimestamp("recorded_at"))));
      }
    }, agreementId);
    return List.copyOf(byId.values());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** See {@link EvaluationService#countLatestRatings()}: grouped in SQL, one row per rating and recommendation. */
  List<EvaluationService.RatingCount> countLatestRatings() {
    return jdbc.query("""
        SELECT e.rating, e.recommendation, COUNT(*) AS n FROM evaluation e
        WHERE e.rating IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM evaluation later WHERE later.agreement_id = e.agreement_id AND later.rating IS NOT NULL
            AND (later.budget_year > e.budget_year OR (later.budget_year = e.budget_year AND later.id > e.id)))
        GROUP BY e.rating, e.recommendation""",
        (rs, n) -> new EvaluationService.RatingCount(rs.getString("rating"), rs.getString("recommendation"),
            rs.getLong("n")));
  }
}
