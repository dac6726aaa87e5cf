package id.go.kerjasama.platform.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean names a delegate or listener had before it was named after its class.
 * Process instances started on an older version of a diagram still resolve
 * {@code ${oldName}}; {@link FormerBeanNames} registers each former name as an
 * alias of the bean. Remove a former name only when no running instance uses a
 * diagram version that refers to it (Cockpit: process definition versions).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FormerlyNamed {

  /** The former bean names. */
  String[] value();
}
