@NamedInterface("security")
package modulefixture.wrongarrow.platform.security;

import org.springframework.modulith.NamedInterface;
