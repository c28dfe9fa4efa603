package dev.betterauth4j.spring.observation;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.TokenVerificationException;
import dev.betterauth4j.core.VerifierObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.net.URI;
import java.util.Objects;

/**
 * Turns what a verifier does into Micrometer observations (timers, and spans where tracing is set up):
 * <ul>
 *   <li>{@value #VERIFICATION}, around each verification, with the low-cardinality key values {@code outcome}
 *       ({@code verified}, {@code refused}, or {@code outage} when Better Auth or its key set could not be reached),
 *       {@code reason} (the {@link TokenVerificationException.Reason}, or {@code none}), {@code credential.kind}
 *       ({@code JWT}, {@code SESSION}, {@code SESSION_COOKIE_CACHE}, ...; {@code unknown} for a refused bearer value)
 *       and {@code credential.presented} ({@code bearer}, {@code dpop}, {@code session_cookie},
 *       {@code token_cookie});</li>
 *   <li>{@value #KEY_SET_FETCH}, around each fetch of the key set, with {@code outcome} ({@code fetched} or
 *       {@code failed}) and, as a high-cardinality value, {@code jwks.url}.</li>
 * </ul>
 * The Spring Boot starter gives one to the verifier it builds when the application has an {@link ObservationRegistry}
 * (Spring Boot's actuator); elsewhere, pass it to {@code BetterAuthVerifierBuilder#observer}. Nothing observed holds a
 * credential.
 */
public final class ObservingVerifierObserver implements VerifierObserver {

    /** The name of the verification observation (with Micrometer's default handler: the timer's name). */
    public static final String VERIFICATION = "betterauth.verification";

    /** The name of the key set fetch observation. */
    public static final String KEY_SET_FETCH = "betterauth.jwks.fetch";

    private final ObservationRegistry registry;

    /**
     * Observes into {@code registry}.
     *
     * @param registry the application's observation registry
     */
    public ObservingVerifierObserver(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Verification verificationStarted(String presentedAs) {
        Observation observation = Observation.createNotStarted(VERIFICATION, registry)
                .contextualName("betterauth verify")
                .lowCardinalityKeyValue("credential.presented", presentedAs)
                .start();
        return new Verification() {
            @Override
            public void verified(AuthenticatedUser user) {
                observation.lowCardinalityKeyValue("outcome", "verified")
                        .lowCardinalityKeyValue("reason", "none")
                        .lowCardinalityKeyValue("credential.kind", user.credential().name())
                        .stop();
            }

            @Override
            public void refused(TokenVerificationException refusal) {
                observation.lowCardinalityKeyValue("outcome", refusal.reason().isOutage() ? "outage" : "refused")
                        .lowCardinalityKeyValue("reason", refusal.reason().name())
                        .lowCardinalityKeyValue("credential.kind", kindOf(presentedAs))
                        .stop();
            }
        };
    }

    @Override
    public KeySetFetch keySetFetchStarted(URI url) {
        Observation observation = Observation.createNotStarted(KEY_SET_FETCH, registry)
                .contextualName("betterauth jwks fetch")
                .highCardinalityKeyValue("jwks.url", String.valueOf(url))
                .start();
        return new KeySetFetch() {
            @Override
            public void fetched(int usableKeys) {
                observation.lowCardinalityKeyValue("outcome", "fetched").stop();
            }

            @Override
            public void failed(String cause) {
                observation.lowCardinalityKeyValue("outcome", "failed")
                        .highCardinalityKeyValue("failure", cause)
                        .stop();
            }
        };
    }

    /** The kind a refused credential was, when how it was presented tells. */
    private static String kindOf(String presentedAs) {
        return switch (presentedAs) {
            case "session_cookie" -> "SESSION";
            case "token_cookie" -> "JWT";
            case "dpop" -> "ACCESS_TOKEN";
            default -> "unknown";
        };
    }

    @Override
    public String toString() {
        return "ObservingVerifierObserver[" + VERIFICATION + ", " + KEY_SET_FETCH + "]";
    }
}
