package dev.betterauth4j.releasecheck;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file repository every library module deploys to at {@code verify} (target/staging-repo at the build's root), and
 * the build's own POMs, read as plain files: what the checks compare.
 */
final class Staging {

    static final String GROUP_ID = "dev.betterauth4j";
    static final String PREFIX = "betterauth4j-";

    static final Path ROOT = Path.of(property("betterauth4j.root"));
    static final Path REPOSITORY = Path.of(property("betterauth4j.staging.directory"));
    static final String VERSION = property("betterauth4j.version");

    private Staging() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (run through ./mvnw verify)");
        }
        return value;
    }

    /** The directory of one artifact version in the staging repository. */
    static Path versionDirectory(String artifactId) {
        return REPOSITORY.resolve(GROUP_ID.replace('.', '/')).resolve(artifactId).resolve(VERSION);
    }

    /**
     * The files of the newest deployment of {@code artifactId}, keyed by classifier and extension
     * ({@code "jar"}, {@code "sources.jar"}, {@code "javadoc.jar"}, {@code "pom"}). For a snapshot, every file of
     * the newest deployment shares one timestamp and build number: older deployments' files (and classifiers they
     * had and the newest has not) are left out.
     */
    static Map<String, Path> newestDeployment(String artifactId) throws Exception {
        Path directory = versionDirectory(artifactId);
        if (!Files.isDirectory(directory)) {
            throw new AssertionError(artifactId + " was not deployed to the staging repository: no " + directory);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        if (!VERSION.endsWith("-SNAPSHOT")) {
            try (var list = Files.list(directory)) {
                list.filter(f -> !isChecksumOrMetadata(f)).forEach(f -> {
                    String name = f.getFileName().toString();
                    String rest = name.substring((artifactId + "-" + VERSION).length());
                    files.put(rest.substring(1), f); // "-sources.jar" or ".jar"
                });
            }
            return files;
        }
        Document metadata = xml(directory.resolve("maven-metadata.xml"));
        List<Element> versions = elements(metadata.getDocumentElement(), "versioning", "snapshotVersions",
                "snapshotVersion");
        String newest = null;
        for (Element version : versions) {
            if (text(version, "classifier").isEmpty()
                    && (text(version, "extension").orElse("").equals("pom"))) {
                newest = text(version, "value").orElseThrow();
            }
        }
        if (newest == null) {
            throw new AssertionError(artifactId + ": maven-metadata.xml lists no POM");
        }
        for (Element version : versions) {
            if (!text(version, "value").orElse("").equals(newest)) {
                continue;
            }
            String classifier = text(version, "classifier").orElse("");
            String extension = text(version, "extension").orElseThrow();
            String key = classifier.isEmpty() ? extension : classifier + "." + extension;
            String file = artifactId + "-" + newest + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
            files.put(key, directory.resolve(file));
        }
        return files;
    }

    private static boolean isChecksumOrMetadata(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("maven-metadata") || name.endsWith(".md5") || name.endsWith(".sha1")
                || name.endsWith(".sha256") || name.endsWith(".sha512");
    }

    static Document xml(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The child elements at the end of a path of names below {@code from} (every match at each step). */
    static List<Element> elements(Element from, String... path) {
        List<Element> current = List.of(from);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : current) {
                NodeList children = element.getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    Node child = children.item(i);
                    if (child instanceof Element e && e.getTagName().equals(name)) {
                        next.add(e);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** The trimmed text of a direct child element, if present and not blank. */
    static Optional<String> text(Element from, String... path) {
        List<Element> found = elements(from, path);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(found.get(0).getTextContent().strip()).filter(s -> !s.isEmpty());
    }
}
