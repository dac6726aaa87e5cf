package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.platform.web.SharedRestObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Engine REST reads and writes JSON with the one shared ObjectMapper
 * ({@link SharedRestObjectMapper}), not with a new mapper per request from
 * Camunda's resolver, and answers as before (dates in Camunda's format).
 */
class SharedRestObjectMapperIT extends IntegrationTest {

  @Test
  void engineRestUsesTheSharedMapperAndKeepsCamundasFormat() {
    long before = SharedRestObjectMapper.Resolver.uses();
    String province = userOf("province-95");
    Response filters = check(get(province, "/engine-rest/filter?resourceType=Task"), 200);
    String id = filters.json().get(0).get("id").asText();
    check(post(province, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
        Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))), 200);
    Response task = check(get(ADMIN, "/engine-rest/task?maxResults=1"), 200);

    assertThat(SharedRestObjectMapper.Resolver.uses()).isGreaterThan(before + 2);
    if (task.json().size() > 0) {
      // Camunda's date format: 2026-12-02T10:15:30.000+0000
      assertThat(task.json().get(0).get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    }
  }
}
