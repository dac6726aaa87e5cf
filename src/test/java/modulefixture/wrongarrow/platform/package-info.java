@ApplicationModule(allowedDependencies = {})
package modulefixture.wrongarrow.platform;

import org.springframework.modulith.ApplicationModule;
