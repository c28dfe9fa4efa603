package dev.betterauth4j.core;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HKDF-SHA256 gives RFC 5869's test vectors (appendix A, cases 1 to 3). */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void givesRfc5869TestCase1() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);

        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void givesRfc5869TestCase2WithLongInputsAndSeveralBlocks() {
        byte[] ikm = new byte[80];
        byte[] salt = new byte[80];
        byte[] info = new byte[80];
        for (int i = 0; i < 80; i++) {
            ikm[i] = (byte) i;
            salt[i] = (byte) (0x60 + i);
            info[i] = (byte) (0xb0 + i);
        }

        assertThat(HEX.formatHex(Hkdf.sha256(ikm, salt, info, 82))).isEqualTo(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
                        + "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void givesRfc5869TestCase3WithoutSaltOrInfo() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0], new byte[0],
                42);

        assertThat(HEX.formatHex(okm)).isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                + "9d201395faa4b61a96c8");
    }

    @Test
    void refusesAnImpossibleLength() {
        assertThatThrownBy(() -> Hkdf.sha256(new byte[1], new byte[1], new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
