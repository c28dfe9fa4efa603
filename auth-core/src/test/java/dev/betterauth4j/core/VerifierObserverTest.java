package dev.betterauth4j.core;

import dev.betterauth4j.testkit.JwksServer;
import dev.betterauth4j.testkit.SigningKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link VerifierObserver} hears each verification from start to outcome and each key set fetch, never a credential's
 * text, and cannot change an outcome.
 */
class VerifierObserverTest {

    private final SigningKey key = SigningKey.of("EdDSA");
    private final List<String> heard = new CopyOnWriteArrayList<>();

    private final VerifierObserver recorder = new VerifierObserver() {
        @Override
        public Verification verificationStarted(String presentedAs) {
            heard.add("start " + presentedAs);
            return new Verification() {
                @Override
                public void verified(AuthenticatedUser user) {
                    heard.add("verified " + user.credential());
                }

                @Override
                public void refused(TokenVerificationException refusal) {
                    heard.add("refused " + refusal.reason());
                }
            };
        }

        @Override
        public KeySetFetch keySetFetchStarted(URI url) {
            heard.add("fetch " + url.getPath());
            return new KeySetFetch() {
                @Override
                public void fetched(int usableKeys) {
                    heard.add("fetched " + usableKeys);
                }

                @Override
                public void failed(String cause) {
                    heard.add("fetch failed " + cause);
                }
            };
        }
    };

    @Test
    void hearsAVerifiedTokenAndTheKeySetFetchItNeeded() throws Exception {
        try (JwksServer server = JwksServer.serving(key);
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).observer(recorder)
                     .build()) {
            verifier.verify(server.token(key).sign());

            assertThat(heard).containsExactly("start bearer", "fetch /api/auth/jwks", "fetched 1", "verified JWT");
        }
    }

    @Test
    void hearsARefusalWithItsReason() throws Exception {
        try (JwksServer server = JwksServer.serving(key);
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).observer(recorder)
                     .build()) {
            String expired = server.token(key).expired().sign();

            assertThatThrownBy(() -> verifier.verify(new Credential.Bearer(expired)))
                    .isInstanceOf(TokenVerificationException.class);
            assertThat(heard).first().isEqualTo("start bearer");
            assertThat(heard).last().isEqualTo("refused EXPIRED");
        }
    }

    @Test
    void hearsAFailedFetchAndTheOutageItCauses() throws Exception {
        try (JwksServer server = JwksServer.serving(key);
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).observer(recorder)
                     .build()) {
            server.behave(JwksServer.UNAVAILABLE);

            assertThatThrownBy(() -> verifier.verify(server.token(key).sign()))
                    .isInstanceOf(TokenVerificationException.class);
            assertThat(heard).contains("fetch failed IOException: JWKS endpoint answered HTTP 503")
                    .last().isEqualTo("refused KEY_SOURCE_UNAVAILABLE");
        }
    }

    @Test
    void namesHowTheCredentialWasPresented() throws Exception {
        try (BetterAuthVerifier verifier = BetterAuthVerifier.builder().jwks(key.jwkSet()).issuer("https://a.example")
                .audiences("https://a.example").observer(recorder).build()) {
            assertThatThrownBy(() -> verifier.verify(new Credential.TokenCookie("jwt", "x.y.z"),
                    new RequestContext("GET", null, null))).isInstanceOf(TokenVerificationException.class);

            assertThat(heard).containsExactly("start token_cookie", "refused MALFORMED");
        }
    }

    @Test
    void anObserverThatThrowsChangesNoOutcome() throws Exception {
        VerifierObserver broken = new VerifierObserver() {
            @Override
            public Verification verificationStarted(String presentedAs) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public KeySetFetch keySetFetchStarted(URI url) {
                return new KeySetFetch() {
                    @Override
                    public void fetched(int usableKeys) {
                        throw new IllegalStateException("observer bug");
                    }
                };
            }
        };
        try (JwksServer server = JwksServer.serving(key);
             BetterAuthVerifier verifier = BetterAuthVerifier.builder().baseUrl(server.baseUrl()).observer(broken)
                     .build()) {
            assertThat(verifier.verify(server.token(key).sign()).id()).isNotEmpty();
        }
    }
}
