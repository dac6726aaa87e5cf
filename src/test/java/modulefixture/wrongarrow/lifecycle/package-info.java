@ApplicationModule(allowedDependencies = {"platform :: *"})
package modulefixture.wrongarrow.lifecycle;

import org.springframework.modulith.ApplicationModule;
