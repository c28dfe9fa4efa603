package dev.betterauth4j.core;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.Manifest;

/**
 * Which Bouncy Castle release is on the classpath, and whether auth-core may verify Ed25519 with it.
 *
 * <p>Why: releases 1.73 to 1.77 loop forever verifying a crafted Ed25519 signature with a crafted public key
 * (CVE-2024-30172, fixed in 1.78). Key admission keeps crafted keys out of a key set only as far as it checks them, so
 * the engine is not used on those releases at all. The release is read from the {@code Bundle-Version} of the jar
 * that holds Bouncy Castle's Ed25519 class (every {@code bcprov-jdk18on} jar has one). A class that comes from
 * somewhere without that manifest (a repackaged or shaded jar) has an unknown release; it is then used, since the
 * application chose to bundle it, and the documentation says to bundle 1.78 or later.
 */
final class BouncyCastleRelease {

    /** The class whose jar is examined: the one the engine runs. */
    static final String ED25519_CLASS = "org.bouncycastle.math.ec.rfc8032.Ed25519";
    static final String FIRST_FIXED = "1.78";

    private BouncyCastleRelease() {
    }

    /** Why the release on the classpath must not verify Ed25519, or null if it may. */
    static String refusal() {
        String version = version();
        return isFixed(version) ? null : "bcprov " + version + " is older than " + FIRST_FIXED + ", whose Ed25519"
                + " verification can loop forever on a crafted signature (CVE-2024-30172)";
    }

    /** The release's version, such as {@code 1.87}, or null when it cannot be told. */
    static String version() {
        try {
            Class<?> ed25519 = Class.forName(ED25519_CLASS, false, BouncyCastleRelease.class.getClassLoader());
            URL classFile = ed25519.getResource("Ed25519.class");
            if (classFile == null) {
                return null;
            }
            URLConnection connection = classFile.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null;
            }
            Manifest manifest = jar.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        } catch (ClassNotFoundException | LinkageError | IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code version} is at least {@value #FIRST_FIXED}; an unknown (null or unreadable) one counts as so. */
    static boolean isFixed(String version) {
        if (version == null) {
            return true;
        }
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 78);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
