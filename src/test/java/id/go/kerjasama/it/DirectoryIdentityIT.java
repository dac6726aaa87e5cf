package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Directory sign-in against a real LDAP server in the test JVM (UnboundID's
 * in-memory directory server, loaded with {@code ldap/kerjasama-staff.ldif}),
 * with the properties docs/operations.md documents. Users sign in to the REST
 * API and to Tasklist with their directory password and see what their
 * mapped groups may see; the local administrator and local users keep
 * working beside them.
 */
@TestPropertySource(properties = {
    // a context of its own that reads no webapp file's encoding (SlowLinkIT does)
    "kerjasama.web.precompress.enabled=false",
    "kerjasama.identity.ldap.enabled=true",
    "kerjasama.identity.ldap.manager-dn=cn=kerjasama-reader,ou=people,dc=kerjasama,dc=test",
    "kerjasama.identity.ldap.manager-password=Pembaca-Direktori-1",
    "kerjasama.identity.ldap.base-dn=dc=kerjasama,dc=test",
    "kerjasama.identity.ldap.user-search-base=ou=people",
    "kerjasama.identity.ldap.user-search-filter=(&(objectClass=inetOrgPerson)(!(nsAccountLock=TRUE)))",
    "kerjasama.identity.ldap.user-id-attribute=uid",
    "kerjasama.identity.ldap.user-firstname-attribute=cn",
    "kerjasama.identity.ldap.user-lastname-attribute=sn",
    "kerjasama.identity.ldap.user-email-attribute=mail",
    "kerjasama.identity.ldap.group-search-base=ou=groups",
    "kerjasama.identity.ldap.group-search-filter=(objectClass=groupOfNames)",
    "kerjasama.identity.ldap.group-id-attribute=cn",
    "kerjasama.identity.ldap.group-name-attribute=cn",
    "kerjasama.identity.ldap.group-member-attribute=member",
    "kerjasama.identity.ldap.group-mapping.bappeda-papua-barat=province-92"})
class DirectoryIdentityIT extends LifecycleWalkingTest {

  static final String DIRECTORY_PASSWORD = "Sandi-Direktori-92";
  static final InMemoryDirectoryServer DIRECTORY = startDirectory();

  @Autowired
  IdentityService identityService;

  static InMemoryDirectoryServer startDirectory() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=kerjasama,dc=test");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      // nsAccountLock (389-DS/FreeIPA) is not in the standard schema the server would enforce
      config.setSchema(null);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.importFromLDIF(true, DirectoryIdentityIT.class.getResource("/ldap/kerjasama-staff.ldif").getPath());
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the in-memory LDAP server", e);
    }
  }

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    registry.add("kerjasama.identity.ldap.server-url", () -> "ldap://localhost:" + DIRECTORY.getListenPort("ldap"));
    // a key with blanks and parentheses, as directory groups are often named (bracket notation keeps it whole)
    registry.add("kerjasama.identity.ldap.group-mapping.[Biro Hukum (Kemensos)]", () -> "ministry-kemensos");
  }

  @Test
  void provinceOfficersSignInWithTheDirectoryPasswordAndSeeTheirProvincesTasks() {
    // a local user of a regency of Papua Barat proposes; the province reviews it
    String key = propose("regency-9202", "DALAM_NEGERI", "regency-9202", "92");
    JsonNode open = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
    assertThat(open).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("UserTask_ReviewByProvince");

    // mapped by group-mapping (bappeda-papua-barat) and by equal id (province-92)
    for (String officer : List.of("rina.wanggai", "yohanes.mandacan")) {
      JsonNode tasks = check(directoryGet(officer, DIRECTORY_PASSWORD,
          "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json();
      assertThat(tasks).as(officer).extracting(t -> t.get("taskDefinitionKey").asText())
          .containsExactly("UserTask_ReviewByProvince");
      assertThat(groupsOf(officer)).as(officer).containsExactly("province-92");
    }
    JsonNode profile = check(directoryGet("rina.wanggai", DIRECTORY_PASSWORD, "/engine-rest/user/rina.wanggai/profile"),
        200).json();
    assertThat(profile.get("lastName").asText()).isEqualTo("Wanggai");
    assertThat(profile.get("email").asText()).isEqualTo("rina.wanggai@papuabarat.kerjasama.test");

    // the officer works the task: claims it with the directory identity
    String taskId = open.get(0).get("id").asText();
    check(exchangeAs("rina.wanggai", DIRECTORY_PASSWORD, "POST", "/engine-rest/task/" + taskId + "/claim",
        java.util.Map.of("userId", "rina.wanggai")), 204);
    JsonNode claimed = check(get(ADMIN, "/engine-rest/task/" + taskId), 200).json();
    assertThat(claimed.get("assignee").asText()).isEqualTo("rina.wanggai");
    // the province's members include the directory's officers
    JsonNode members = check(get(ADMIN, "/engine-rest/user?memberOfGroup=province-92"), 200).json();
    assertThat(members.findValuesAsText("id")).contains("rina.wanggai", "yohanes.mandacan")
        .doesNotContain("budi.santoso", "agus.nonaktif");
  }

  @Test
  void aUserInNoMappedGroupSignsInAndSeesNothing() {
    String key = propose("regency-9202", "DALAM_NEGERI", "regency-9202", "92");
    assertThat(check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json()).hasSize(1);

    // a directory group called camunda-admin (not mapped) makes nobody an administrator
    assertThat(groupsOf("budi.santoso")).isEmpty();
    assertThat(check(directoryGet("budi.santoso", DIRECTORY_PASSWORD, "/engine-rest/task"), 200).json()).isEmpty();
    assertThat(check(directoryGet("budi.santoso", DIRECTORY_PASSWORD, "/engine-rest/process-instance"), 200).json())
        .isEmpty();
    assertThat(directoryGet("budi.santoso", DIRECTORY_PASSWORD, "/api/admin/processes").status()).isEqualTo(403);
  }

  @Test
  void aDisabledAccountOrAWrongPasswordCannotSignIn() throws Exception {
    assertThat(directoryGet("agus.nonaktif", DIRECTORY_PASSWORD, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(directoryGet("rina.wanggai", "Salah-Sandi-92", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(directoryGet("tidak.ada", DIRECTORY_PASSWORD, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(tasklistLogin("agus.nonaktif", DIRECTORY_PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void directoryUsersSignInToTasklist() throws Exception {
    HttpResponse<String> officer = tasklistLogin("rina.wanggai", DIRECTORY_PASSWORD);
    assertThat(officer.statusCode()).as(officer.body()).isEqualTo(200);
    JsonNode session = json.readTree(officer.body());
    assertThat(session.get("userId").asText()).isEqualTo("rina.wanggai");
    assertThat(session.get("authorizedApps").toString()).contains("tasklist");

    // the password is right, but no group of theirs may open Tasklist: refused, not "wrong password"
    assertThat(tasklistLogin("budi.santoso", DIRECTORY_PASSWORD).statusCode()).isEqualTo(403);
    assertThat(tasklistLogin("budi.santoso", "Salah-Sandi-92").statusCode()).isEqualTo(401);
  }

  @Test
  void theLocalAdministratorAndLocalUsersStayLocal() {
    // the directory's "admin" entry does not replace the local administrator
    assertThat(directoryGet(ADMIN, DIRECTORY_PASSWORD, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(directoryGet(ADMIN, ADMIN_PASSWORD, "/api/admin/processes").status()).isEqualTo(200);
    assertThat(groupsOf(ADMIN)).contains("camunda-admin");
    // local users are still created in Admin / REST and sign in with their local password
    String local = userOf("province-92");
    assertThat(directoryGet(local, PASSWORD, "/engine-rest/task").status()).isEqualTo(200);
    assertThat(groupsOf(local)).containsExactly("province-92");
  }

  /**
   * LDAP injection (docs/security.md "Directory sign-in"): a sign-in name or a
   * user query value that is filter syntax must match only an entry holding
   * exactly that text. Each sign-in comes from an address of its own so the
   * login throttling does not answer first.
   */
  @Test
  void signInNamesThatAreFilterSyntaxMatchNoEntry() throws Exception {
    int address = 10;
    for (String name : List.of("*", "*)(uid=*", "admin)(|(objectClass=*", "rina.wanggai)(|(objectClass=*",
        "rina.wanggai)(!(uid=nobody", "rina*", "rina.wanggai\00", "x)(uid=rina.wanggai")) {
      String from = "203.0.113." + address++;
      assertThat(exchangeFrom(from, name, DIRECTORY_PASSWORD, "/engine-rest/task").status()).as(name).isEqualTo(401);
      assertThat(tasklistLogin(name, DIRECTORY_PASSWORD, from).statusCode()).as(name).isEqualTo(401);
    }
    // the real name still signs in
    assertThat(exchangeFrom("203.0.113.99", "rina.wanggai", DIRECTORY_PASSWORD, "/engine-rest/task").status())
        .isEqualTo(200);
  }

  @Test
  void userQueryValuesThatAreFilterSyntaxMatchNoEntry() {
    // "*" is no wildcard: no user is literally called "*"
    assertThat(userIds("/engine-rest/user?firstName=*")).isEmpty();
    assertThat(userIds("/engine-rest/user?firstNameLike=*")).isEmpty();
    assertThat(userIds("/engine-rest/user?email=*")).isEmpty();
    // blind extraction: an extra assertion on an attribute the caller cannot read (the password) must not
    // decide whether Rina is listed
    assertThat(userIds("/engine-rest/user?firstName=Rina)(userPassword=Sandi*")).isEmpty();
    assertThat(userIds("/engine-rest/user?lastNameLike=Wang%)(userPassword=Sandi%")).isEmpty();
    // closing the filter early or adding an alternative: still one literal value, no error
    assertThat(userIds("/engine-rest/user?lastName=x)(|(objectClass=*")).isEmpty();
    assertThat(userIds("/engine-rest/user?firstName=x))(|(uid=*")).isEmpty();
    assertThat(userIds("/engine-rest/user?emailLike=%)(uid=*")).isEmpty();
    // a group id nobody in the directory has lists no directory user (not the members of every group)
    assertThat(userIds("/engine-rest/user?memberOfGroup=province-11"))
        .doesNotContain("rina.wanggai", "yohanes.mandacan", "budi.santoso", "siti.aminah");

    // the database wildcard % still works, and only it
    assertThat(userIds("/engine-rest/user?firstNameLike=Ri%")).contains("rina.wanggai")
        .doesNotContain("yohanes.mandacan", "siti.aminah");
    assertThat(userIds("/engine-rest/user?emailLike=%papuabarat%")).contains("rina.wanggai", "yohanes.mandacan")
        .doesNotContain("agus.nonaktif", "budi.santoso", "siti.aminah");
    assertThat(userIds("/engine-rest/user?firstName=Siti Aminah, S.H./Biro Hukum")).containsExactly("siti.aminah");
  }

  /**
   * DNs as the directory writes them (RFC 4514: an escaped comma; a slash,
   * which JNDI would read as a name separator) and a group named with
   * parentheses: the officer signs in, gets the mapped group and is listed
   * among its members.
   */
  @Test
  void directoryNamesWithCommasSlashesAndParenthesesWork() throws Exception {
    assertThat(directoryGet("siti.aminah", DIRECTORY_PASSWORD, "/engine-rest/task").status()).isEqualTo(200);
    assertThat(tasklistLogin("siti.aminah", DIRECTORY_PASSWORD, "203.0.113.98").statusCode()).isEqualTo(200);
    assertThat(groupsOf("siti.aminah")).containsExactly("ministry-kemensos");
    assertThat(userIds("/engine-rest/user?memberOfGroup=ministry-kemensos")).contains("siti.aminah");
    JsonNode profile = check(directoryGet("siti.aminah", DIRECTORY_PASSWORD, "/engine-rest/user/siti.aminah/profile"),
        200).json();
    assertThat(profile.get("lastName").asText()).isEqualTo("Aminah");
  }

  private List<String> userIds(String path) {
    return check(get(ADMIN, path), 200).json().findValuesAsText("id");
  }

  private Response exchangeFrom(String address, String user, String password, String path) {
    return client(user, password).get().uri(path).header("X-Forwarded-For", address)
        .accept(org.springframework.http.MediaType.APPLICATION_JSON)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
  }

  private Response directoryGet(String user, String password, String path) {
    return exchangeAs(user, password, "GET", path, null);
  }

  private Response exchangeAs(String user, String password, String method, String path, Object body) {
    var spec = client(user, password).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .accept(org.springframework.http.MediaType.APPLICATION_JSON);
    if (body != null) {
      spec = spec.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
    }
    return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
  }

  /** Signs in to Tasklist as its login page does: CSRF token first, then the form. */
  private HttpResponse<String> tasklistLogin(String user, String password) throws Exception {
    return tasklistLogin(user, password, "127.0.0.1");
  }

  private HttpResponse<String> tasklistLogin(String user, String password, String from) throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    HttpResponse<Void> first = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET()
        .header("X-Forwarded-For", from).build(), HttpResponse.BodyHandlers.discarding());
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", token).header("X-Forwarded-For", from).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
