package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.registry.AgreementAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an upload to the legacy import ({@code POST /api/admin/imports}) from anyone but an administrator
 * before its body is read (docs/security.md "Request size"). The controller checks too, but only after Spring
 * has bound its arguments: the multipart parser would first have spooled the file to disk, and a
 * {@code text/csv} body would first have been read into memory, up to the import's limit (64 MB) — for any
 * signed-in user. An interceptor runs after the handler is chosen and before any argument is bound.
 */
@Configuration
class ImportUploadGate implements WebMvcConfigurer, HandlerInterceptor {

  static final String UPLOAD_PATH = "/api/admin/imports";

  private final AgreementAccess access;

  ImportUploadGate(AgreementAccess access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(UPLOAD_PATH);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("POST".equals(request.getMethod()) && !access.currentGroups().contains(Groups.ADMIN)) {
      throw new ForbiddenException(LegacyImportController.ADMINISTRATORS_ONLY);
    }
    return true;
  }
}
