package id.go.kerjasama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (docs/architecture.md "Modules"): every top-level
 * package is a module whose {@code package-info.java} lists the modules it
 * may use; Spring Modulith checks the compiled classes against those lists,
 * against cycles and against the use of another module's internals.
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(KerjasamaApplication.class);

  @Test
  void dependenciesPointOneWay() {
    MODULES.verify();
  }

  /** The check is not vacuous: a platform class that calls the lifecycle fails it. */
  @Test
  void aWrongArrowFailsTheCheck() {
    ApplicationModules wrong = ApplicationModules.of("modulefixture.wrongarrow", location -> true);

    assertThatThrownBy(wrong::verify).isInstanceOf(Violations.class)
        .hasMessageContaining("Module 'platform' depends on module 'lifecycle'")
        .hasMessageContaining("RoleGrants");
  }

  /**
   * docs/architecture.md shows the modules as they are: the diagram of the
   * dependencies the classes have, and the table of those each module's
   * package-info allows. When this fails, copy
   * target/spring-modulith-docs/modules.md into the document (Spring
   * Modulith's own C4 diagram and module canvases are written beside it).
   */
  @Test
  void theArchitectureDocumentShowsTheModules() throws IOException {
    Documenter documenter = new Documenter(MODULES);
    documenter.writeDocumentation();
    String expected = "```plantuml\n" + diagram() + "```\n\n" + table();
    Files.writeString(Path.of("target/spring-modulith-docs/modules.md"), expected);

    assertThat(Files.readString(Path.of("docs/architecture.md"))).contains(expected);
  }

  /** One box per module, one arrow per module it uses (types or beans), alphabetical. */
  static String diagram() {
    StringBuilder uml = new StringBuilder("@startuml\ntop to bottom direction\n");
    List<org.springframework.modulith.core.ApplicationModule> modules = sorted(MODULES.stream().toList());
    for (var module : modules) {
      uml.append("component \"").append(module.getDisplayName()).append("\" as ").append(module.getName())
          .append('\n');
    }
    for (var module : modules) {
      for (var used : sorted(module.getDirectDependencies(MODULES).uniqueModules().toList())) {
        uml.append(module.getName()).append(" --> ").append(used.getName()).append('\n');
      }
    }
    return uml.append("@enduml\n").toString();
  }

  /** The modules each module may use, as its package-info declares them. */
  static String table() {
    StringBuilder table = new StringBuilder("| module | may use |\n|---|---|\n");
    for (var module : sorted(MODULES.stream().toList())) {
      ApplicationModule declared = declaration(module.getBasePackage().getName());
      String allowed = declared.allowedDependencies().length == 1
          && declared.allowedDependencies()[0].equals(ApplicationModule.OPEN_TOKEN)
          ? "every module"
          : declared.allowedDependencies().length == 0 ? "no other module"
          : Arrays.stream(declared.allowedDependencies()).map(d -> "`" + d.replace(" :: *", "") + "`")
              .collect(Collectors.joining(", "));
      table.append("| `").append(module.getName()).append("` | ").append(allowed).append(" |\n");
    }
    return table.toString();
  }

  private static ApplicationModule declaration(String basePackage) {
    try {
      return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("Module " + basePackage + " has no package-info.java with @ApplicationModule", e);
    }
  }

  private static List<org.springframework.modulith.core.ApplicationModule> sorted(
      List<org.springframework.modulith.core.ApplicationModule> modules) {
    List<org.springframework.modulith.core.ApplicationModule> copy = new ArrayList<>(modules);
    copy.sort(Comparator.comparing(org.springframework.modulith.core.ApplicationModule::getName));
    return copy;
  }
}
