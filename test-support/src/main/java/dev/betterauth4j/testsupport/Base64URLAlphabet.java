package dev.betterauth4j.testsupport;

/** The base64url alphabet, for tests that alter encoded characters. */
public final class Base64URLAlphabet {

    public static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Base64URLAlphabet() {
    }

    /** The character whose 6-bit value differs from {@code c}'s in the lowest bit. */
    public static char flipLowBit(char c) {
        return CHARS.charAt(CHARS.indexOf(c) ^ 1);
    }
}
