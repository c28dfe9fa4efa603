package dev.betterauth4j.releasecheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static dev.betterauth4j.releasecheck.Staging.GROUP_ID;
import static dev.betterauth4j.releasecheck.Staging.PREFIX;
import static dev.betterauth4j.releasecheck.Staging.ROOT;
import static dev.betterauth4j.releasecheck.Staging.elements;
import static dev.betterauth4j.releasecheck.Staging.text;
import static dev.betterauth4j.releasecheck.Staging.xml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every library module deployed to the staging repository is what Maven Central takes and an application
 * needs: a jar with its module name and LICENSE, a sources jar, a javadoc jar, and a POM with Central's required
 * metadata; the BOM lists exactly the published modules.
 */
class StagedArtifactsTest {

    /** Module names that are not the artifactId's suffix: the starter's module is {@code dev.betterauth4j.spring}. */
    private static final Map<String, String> MODULE_NAMES = Map.of("spring-boot-starter", "spring");

    /** The published jar modules, as the staged BOM lists them. */
    static List<String> libraries() throws Exception {
        Path bomPom = Staging.newestDeployment("betterauth4j-bom").get("pom");
        List<String> listed = new ArrayList<>();
        for (Element dependency : elements(xml(bomPom).getDocumentElement(), "dependencyManagement", "dependencies",
                "dependency")) {
            assertThat(text(dependency, "groupId")).contains(GROUP_ID);
            assertThat(text(dependency, "version")).as("the BOM's version of %s", dependency.getTextContent())
                    .contains("${project.version}");
            listed.add(text(dependency, "artifactId").orElseThrow());
        }
        return listed;
    }

    /** Every POM a consumer resolves: the BOM, the libraries' parent, the libraries. */
    static Stream<String> publishedPoms() throws Exception {
        return Stream.concat(Stream.of("betterauth4j-bom", "betterauth4j-parent"), libraries().stream());
    }

    @Test
    void theBomListsEveryPublishedModuleOfTheBuildAndNothingElse() throws Exception {
        TreeSet<String> published = new TreeSet<>();
        for (Path module : modules(ROOT)) {
            Element project = xml(module.resolve("pom.xml")).getDocumentElement();
            String packaging = text(project, "packaging").orElse("jar");
            boolean internal = text(project, "properties", "betterauth4j.internal").orElse("false").equals("true");
            if (packaging.equals("jar") && !internal) {
                published.add(text(project, "artifactId").orElseThrow());
            }
        }

        assertThat(published).as("published modules").isNotEmpty().allMatch(id -> id.startsWith(PREFIX));
        assertThat(new TreeSet<>(libraries())).as("the BOM's modules").isEqualTo(published);
    }

    @ParameterizedTest
    @MethodSource("libraries")
    void eachLibraryIsDeployedWithExactlyItsJarSourcesJavadocAndPom(String artifactId) throws Exception {
        assertThat(Staging.newestDeployment(artifactId).keySet())
                .containsExactlyInAnyOrder("jar", "sources.jar", "javadoc.jar", "pom");
    }

    @ParameterizedTest
    @MethodSource("libraries")
    void eachJarCarriesTheModuleNameAndTheLicense(String artifactId) throws Exception {
        Map<String, Path> files = Staging.newestDeployment(artifactId);
        String license = Files.readString(ROOT.resolve("LICENSE"));
        String moduleName = "dev.betterauth4j." + MODULE_NAMES.getOrDefault(artifactId.substring(PREFIX.length()),
                artifactId.substring(PREFIX.length()));

        try (JarFile jar = new JarFile(files.get("jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .as("Automatic-Module-Name of %s", jar.getName()).isEqualTo(moduleName);
            assertThat(entry(jar, "META-INF/LICENSE")).as("LICENSE in %s", jar.getName()).isEqualTo(license);
            assertThat(jar.stream().anyMatch(e -> e.getName().startsWith("dev/betterauth4j/")
                    && e.getName().endsWith(".class"))).as("classes in %s", jar.getName()).isTrue();
        }
        try (JarFile sources = new JarFile(files.get("sources.jar").toFile())) {
            assertThat(entry(sources, "META-INF/LICENSE")).as("LICENSE in %s", sources.getName()).isEqualTo(license);
            assertThat(sources.stream().anyMatch(e -> e.getName().endsWith(".java")))
                    .as("sources in %s", sources.getName()).isTrue();
        }
        try (JarFile javadoc = new JarFile(files.get("javadoc.jar").toFile())) {
            assertThat(entry(javadoc, "META-INF/LICENSE")).as("LICENSE in %s", javadoc.getName()).isEqualTo(license);
            assertThat(javadoc.getEntry("index.html")).as("index.html in %s", javadoc.getName()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedPoms")
    void everyPublishedPomHasWhatMavenCentralRequires(String artifactId) throws Exception {
        Element pom = xml(Staging.newestDeployment(artifactId).get("pom")).getDocumentElement();

        // Not inherited, so in every POM itself:
        assertThat(text(pom, "name")).as("%s: name", artifactId).isPresent();
        assertThat(text(pom, "description")).as("%s: description", artifactId).isPresent();
        // Inherited from the parent POM, also deployed, unless the POM has its own:
        assertThat(inherited(pom, "url")).as("%s: url", artifactId).isPresent();
        assertThat(inherited(pom, "licenses", "license", "name")).as("%s: license name", artifactId).isPresent();
        assertThat(inherited(pom, "licenses", "license", "url")).as("%s: license url", artifactId).isPresent();
        assertThat(inherited(pom, "developers", "developer", "name")).as("%s: developer", artifactId).isPresent();
        assertThat(inherited(pom, "scm", "url")).as("%s: scm url", artifactId).isPresent();
        assertThat(inherited(pom, "scm", "connection")).as("%s: scm connection", artifactId).isPresent();
        assertThat(inherited(pom, "scm", "developerConnection")).as("%s: scm developerConnection", artifactId)
                .isPresent();
        // An inherited URL must stay the project's, not get the artifactId appended (Maven's default).
        if (text(pom, "url").isEmpty()) {
            assertThat(parent(pom).orElseThrow().getAttribute("child.project.url.inherit.append.path"))
                    .as("%s inherits its url", artifactId).isEqualTo("false");
        }
        if (text(pom, "scm", "url").isEmpty()) {
            Element scm = elements(parent(pom).orElseThrow(), "scm").get(0);
            assertThat(scm.getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
            assertThat(scm.getAttribute("child.scm.connection.inherit.append.path")).isEqualTo("false");
            assertThat(scm.getAttribute("child.scm.developerConnection.inherit.append.path")).isEqualTo("false");
        }
    }

    @Test
    void theBomHasNoParentSoImportingItManagesNothingButTheModules() throws Exception {
        Element bom = xml(Staging.newestDeployment("betterauth4j-bom").get("pom")).getDocumentElement();

        assertThat(elements(bom, "parent")).isEmpty();
        assertThat(text(bom, "version")).contains(Staging.VERSION);
    }

    /** A value from the POM itself or, failing that, from its parents (as staged). */
    private static Optional<String> inherited(Element pom, String... path) throws Exception {
        for (Optional<Element> current = Optional.of(pom); current.isPresent(); current = parent(current.get())) {
            Optional<String> value = text(current.get(), path);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> parent(Element pom) throws Exception {
        List<Element> parent = elements(pom, "parent");
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        String artifactId = text(parent.get(0), "artifactId").orElseThrow();
        assertThat(text(parent.get(0), "groupId")).contains(GROUP_ID);
        Document document = xml(Staging.newestDeployment(artifactId).get("pom"));
        return Optional.of(document.getDocumentElement());
    }

    /** Every module directory of the build, nested aggregators included. */
    private static List<Path> modules(Path directory) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Element module : elements(xml(directory.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Path child = directory.resolve(module.getTextContent().strip()).normalize();
            found.add(child);
            found.addAll(modules(child));
        }
        return found;
    }

    private static String entry(JarFile jar, String name) throws Exception {
        var entry = jar.getEntry(name);
        assertThat(entry).as("%s in %s", name, jar.getName()).isNotNull();
        try (var in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
