package id.go.kerjasama.documents;

import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers a document upload ({@code POST /api/agreements/{id}/documents}) from a user who may not upload to that
 * agreement before the request's body is read (docs/security.md "Request size"). The controller checks the same,
 * but only after Spring has bound {@code kind} and {@code file}: reading either parses the multipart body, which
 * spools the file to disk — up to 21 MB with a declared length, up to the multipart ceiling (64 MB) when the
 * body is sent in chunks. An interceptor runs once the handler and its path variables are known and before any
 * argument is bound. An {@code id} that is not a number is left to the controller (400 before the body is read).
 */
@Configuration
class DocumentUploadGate implements WebMvcConfigurer, HandlerInterceptor {

  private final AgreementService agreements;
  private final AgreementAccess access;

  DocumentUploadGate(AgreementService agreements, AgreementAccess access) {
    this.agreements = agreements;
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/agreements/*/documents");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String id = path == null ? null : path.get("id");
    if (id != null && id.matches("\\d{1,18}")) {
      access.checkUpload(agreements.get(Long.parseLong(id)));
    }
    return true;
  }
}
