package id.go.kerjasama.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the application's own API ({@code /api}),
 * served at {@code /v3/api-docs} with Swagger UI at {@code /swagger-ui.html}
 * (docs/api.md). Every operation needs HTTP Basic with a Camunda user.
 */
@Configuration
@OpenAPIDefinition(
    info = @Info(title = "Kerjasama API", version = "1",
        description = "Registri kerja sama pemerintah: pencarian, rincian, dokumen, impor data lama. "
            + "Autentikasi HTTP Basic dengan pengguna Camunda; hak akses sama dengan Tasklist/Cockpit."),
    security = @SecurityRequirement(name = "basicAuth"))
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {
}
