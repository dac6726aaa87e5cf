# Kerjasama container image (docs/operations.md "Container image").
# Build:  docker build -t kerjasama:0.1.0 .
# Without a Docker engine: mvn -Pimage package (same layout, no HEALTHCHECK; checked by ContainerImageIT; see the docs).
# Configuration only through environment variables (docs/operations.md "Settings").

# 1. build the Spring Boot jar (tests run in CI, not here)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=id.go.kerjasama || true
COPY src ./src
COPY processes ./processes
COPY forms ./forms
RUN mvn -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/kerjasama-*.jar extract --layers --launcher --destination /extracted

# 2. run it: a JRE, a user without rights, the jar's layers (dependencies change least, so they come first)
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kerjasama \
 && useradd --system --uid 10001 --gid kerjasama --home-dir /app --shell /usr/sbin/nologin kerjasama
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=postgres \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# the first start creates the engine's and the registry's tables: give it time
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
  CMD curl -fsS http://localhost:${SERVER_PORT}/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
