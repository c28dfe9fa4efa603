package dev.betterauth4j.benchmarks.tools;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Prints the jars an application adds when it depends on auth-core, with their sizes, as a markdown table.
 *
 * <pre>
 * java -cp benchmarks.jar dev.betterauth4j.benchmarks.tools.Footprint auth-core/target/betterauth4j-core-*.jar \
 *      @benchmarks/target/report/auth-core.classpath
 * </pre>
 * Each argument is a jar, a path-separated list of jars, or {@code @file} holding such a list (what
 * {@code mvn -pl auth-core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=file} writes).
 */
public final class Footprint {

    private Footprint() {
    }

    public static void main(String[] args) throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        for (String arg : args) {
            String list = arg.startsWith("@") ? Files.readString(Path.of(arg.substring(1))).trim() : arg;
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry.trim()));
                }
            }
        }
        if (jars.isEmpty()) {
            System.err.println("Usage: Footprint JAR|LIST|@FILE ...");
            System.exit(2);
        }
        List<String> rows = new ArrayList<>();
        long total = 0;
        int totalClasses = 0;
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("Not a file: " + jar);
                System.exit(1);
            }
            long size = Files.size(jar);
            int classes;
            try (JarFile file = new JarFile(jar.toFile())) {
                classes = (int) file.stream().filter(e -> e.getName().endsWith(".class")).count();
            }
            total += size;
            totalClasses += classes;
            rows.add(String.format(Locale.ROOT, "| `%s` | %,d | %,.0f | %,d |", jar.getFileName(), size,
                    size / 1024.0, classes));
        }
        System.out.println("| jar | bytes | KiB | classes |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "| **total** | %,d | %,.0f | %,d |%n", total, total / 1024.0, totalClasses);
    }
}
