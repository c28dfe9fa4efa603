package dev.betterauth4j.core;

import java.net.URI;

/**
 * Hears what a {@link BetterAuthVerifier} does, for metrics and traces: each verification from start to outcome, and
 * each fetch of the key set. The Spring Boot starter turns these into Micrometer observations; any other monitoring
 * can implement it.
 *
 * <p>It is never given a credential's text, only how it was presented and what came of it, so nothing it records can
 * leak a token. It is called on the thread that verifies (or, for a key set refresh ahead of expiry, on the verifier's
 * background thread): keep it fast. An exception it throws is dropped, and never changes a verification's outcome.
 *
 * <pre>{@code
 * BetterAuthVerifier verifier = BetterAuthVerifier.builder()
 *         .baseUrl(URI.create("https://app.example.com"))
 *         .observer(new VerifierObserver() {
 *             public Verification verificationStarted(String presentedAs) {
 *                 long start = System.nanoTime();
 *                 return new Verification() {
 *                     public void refused(TokenVerificationException e) {
 *                         metrics.record("refused", e.reason(), System.nanoTime() - start);
 *                     }
 *                 };
 *             }
 *         })
 *         .build();
 * }</pre>
 */
public interface VerifierObserver {

    /** Observes nothing: the default. */
    VerifierObserver NONE = new VerifierObserver() { };

    /**
     * A verification starts.
     *
     * @param presentedAs how the request presented the credential: {@code bearer} (the {@code Authorization}
     *                    header, or {@link BetterAuthVerifier#verify(String)}), {@code dpop} ({@code Authorization: DPoP}
     *                    with its proof), {@code token_cookie} (the application's token cookie) or
     *                    {@code session_cookie} (Better Auth's session cookie)
     * @return what hears how it ends; {@link Verification#NONE} to hear nothing
     */
    default Verification verificationStarted(String presentedAs) {
        return Verification.NONE;
    }

    /**
     * A fetch of the key set starts (first use, expiry, refresh ahead of expiry, or an unknown {@code kid}).
     *
     * @param url the key set's URL
     * @return what hears how it ends; {@link KeySetFetch#NONE} to hear nothing
     */
    default KeySetFetch keySetFetchStarted(URI url) {
        return KeySetFetch.NONE;
    }

    /** Hears how one verification ends: exactly one of its methods is called, once. */
    interface Verification {

        /** Hears nothing. */
        Verification NONE = new Verification() { };

        /**
         * The credential was accepted.
         *
         * @param user the verified user; {@link AuthenticatedUser#credential()} says which kind of credential it was
         */
        default void verified(AuthenticatedUser user) {
        }

        /**
         * The credential or the request was refused.
         *
         * @param refusal why; its message never contains the credential
         */
        default void refused(TokenVerificationException refusal) {
        }
    }

    /** Hears how one key set fetch ends: exactly one of its methods is called, once. */
    interface KeySetFetch {

        /** Hears nothing. */
        KeySetFetch NONE = new KeySetFetch() { };

        /**
         * The key set was fetched and parsed.
         *
         * @param usableKeys how many of its keys verify signatures
         */
        default void fetched(int usableKeys) {
        }

        /**
         * The fetch failed: unreachable, too slow, an answer other than 200, too large, or not a key set. The verifier
         * goes on with the keys it has, within the outage tolerance.
         *
         * @param cause a short description of the failure, without the document's content
         */
        default void failed(String cause) {
        }
    }
}
