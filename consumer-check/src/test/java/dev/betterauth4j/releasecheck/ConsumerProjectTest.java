package dev.betterauth4j.releasecheck;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds consumer/, a project that imports the BOM and depends on the published modules as an application would, with
 * nothing but the staging repository to get betterauth4j from: its own settings.xml, an empty local repository of its
 * own, and for third-party artifacts this build's local repository read as a remote one that serves releases only (so
 * no betterauth4j snapshot, installed or not, can come from it). Its build compiles a module-info that requires the
 * modules by name, runs a test with the test kit, and runs its main class, which verifies a fixed token against a fixed
 * key set. A second consumer, spring-boot-consumer/, is a Spring Boot 4.0 application with Spring Security and the
 * starter as its one betterauth4j dependency; its test runs it on Tomcat. Then every betterauth4j file in each one's
 * local repository must have come from the staging repository.
 */
class ConsumerProjectTest {

    private static final Path TARGET = Path.of("target");
    private static final String STAGING_ID = "betterauth4j-staging";

    @Test
    void aConsumerBuildsAgainstTheStagingRepositoryAloneAndVerifiesATokenWithAFixedKeySet() throws Exception {
        Build build = build("consumer", List.of("junit.version", "jakarta.servlet-api.version",
                "maven-resources-plugin.version", "maven-compiler-plugin.version", "maven-surefire-plugin.version",
                "exec-maven-plugin.version"), List.of("test", "exec:java"));

        assertThat(build.output()).contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")
                .contains("consumer: verified consumer-check-user");
        assertThat(originsOfBetterAuth4jFiles(build.localRepository()))
                .as("where the consumer's local repository got each betterauth4j file")
                .containsKeys("betterauth4j-bom", "betterauth4j-parent", "betterauth4j-core", "betterauth4j-servlet",
                        "betterauth4j-test")
                .allSatisfy((artifactId, origins) -> assertThat(origins).containsOnly(STAGING_ID));
    }

    /**
     * A Spring Boot 4.0 application with Spring Security that adds one dependency, the starter, and sets
     * {@code better.auth.url}: its test runs it on Tomcat and its endpoint verifies a Better Auth token.
     */
    @Test
    void aSpringBootApplicationWithTheStarterAloneVerifiesTokens() throws Exception {
        Build build = build("spring-boot-consumer", List.of("spring-boot.version", "maven-resources-plugin.version",
                "maven-compiler-plugin.version", "maven-surefire-plugin.version"), List.of("test"));

        assertThat(build.output()).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(originsOfBetterAuth4jFiles(build.localRepository()))
                .as("where the Spring Boot consumer's local repository got each betterauth4j file")
                .containsKeys("betterauth4j-bom", "betterauth4j-parent", "betterauth4j-spring-boot-starter",
                        "betterauth4j-core", "betterauth4j-servlet", "betterauth4j-test")
                .allSatisfy((artifactId, origins) -> assertThat(origins).containsOnly(STAGING_ID));
    }

    /** What a consumer build left: its output and its local repository. */
    private record Build(String output, Path localRepository) {
    }

    /**
     * Builds the consumer project in {@code directory} with its own settings and an empty local repository, the given
     * versions of this build passed in, and checks that it succeeds.
     */
    private static Build build(String directory, List<String> versions, List<String> goals) throws Exception {
        Path project = TARGET.resolve(directory);
        Path localRepository = TARGET.resolve(directory + "-repository");
        Path settings = TARGET.resolve(directory + "-settings.xml");
        Path log = TARGET.resolve(directory + "-build.log");
        deleteRecursively(project);
        deleteRecursively(localRepository);
        copyRecursively(Path.of(directory), project);
        Files.createDirectories(project.resolve(".mvn")); // its own root: nothing of this build's .mvn applies
        Files.writeString(settings, settings());

        List<String> command = new ArrayList<>(List.of(maven(), "-B", "--no-transfer-progress",
                "-s", settings.toAbsolutePath().toString(),
                "-Dmaven.repo.local=" + localRepository.toAbsolutePath(),
                "-Dbetterauth4j.version=" + Staging.VERSION,
                "-f", project.resolve("pom.xml").toAbsolutePath().toString()));
        for (String name : versions) {
            command.add("-D" + name + "=" + Staging.property("consumer." + name));
        }
        if ("offline=true".equals(System.getProperty("betterauth4j.offline"))) {
            command.add("--offline");
        }
        command.addAll(goals);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().remove("MAVEN_OPTS");
        Process maven = builder.start();
        boolean finished = maven.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log);

        assertThat(finished && maven.exitValue() == 0)
                .as("the consumer build (%s) succeeds; its output, %s:%n%s", String.join(" ", command), log,
                        tail(output, 80))
                .isTrue();
        return new Build(output, localRepository);
    }

    private static String settings() {
        String staging = Staging.REPOSITORY.toUri().toString();
        String local = Path.of(Staging.property("betterauth4j.local.repository")).toUri().toString();
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
                  <profiles>
                    <profile>
                      <id>consumer-check</id>
                      <repositories>
                        <repository>
                          <id>%1$s</id>
                          <url>%2$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>fail</checksumPolicy></releases>
                          <snapshots>
                            <enabled>true</enabled><updatePolicy>always</updatePolicy><checksumPolicy>fail</checksumPolicy>
                          </snapshots>
                        </repository>
                        <repository>
                          <id>build-local-releases</id>
                          <url>%3$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>build-local-releases</id>
                          <url>%3$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>consumer-check</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(STAGING_ID, staging, local);
    }

    /**
     * For each betterauth4j artifact in a local repository, the repositories its files came from, as the resolver
     * records them in {@code _remote.repositories} ({@code file>repositoryId=}; {@code file>=} for an installed one);
     * a file with no record counts as "unrecorded".
     */
    private static Map<String, List<String>> originsOfBetterAuth4jFiles(Path localRepository) throws IOException {
        Map<String, List<String>> origins = new TreeMap<>();
        Path group = localRepository.resolve(Staging.GROUP_ID.replace('.', '/'));
        if (!Files.isDirectory(group)) {
            return origins;
        }
        try (Stream<Path> files = Files.walk(group)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                // A resolved snapshot is stored under its timestamped name, which the record lists, and copied to
                // its -SNAPSHOT name, which it does not.
                if (!(name.endsWith(".jar") || name.endsWith(".pom")) || name.contains("-SNAPSHOT.")) {
                    continue;
                }
                String artifactId = file.getParent().getParent().getFileName().toString();
                Path record = file.resolveSibling("_remote.repositories");
                String origin = "unrecorded";
                if (Files.exists(record)) {
                    for (String line : Files.readAllLines(record)) {
                        if (line.startsWith(name + ">")) {
                            origin = line.substring(name.length() + 1).replaceAll("=$", "");
                        }
                    }
                }
                origins.computeIfAbsent(artifactId, k -> new ArrayList<>()).add(origin);
            }
        }
        return origins;
    }

    private static String maven() {
        Path home = Path.of(Staging.property("betterauth4j.maven.home"));
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        return home.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn").toString();
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
