package id.go.kerjasama;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on in-memory H2 with the job
 * executor off, every diagram deployed as in production. All process tests
 * share one Spring context. Use {@link ProcessTestSupport} for users, the
 * clock and the process assertions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
public @interface ProcessTest {
}
