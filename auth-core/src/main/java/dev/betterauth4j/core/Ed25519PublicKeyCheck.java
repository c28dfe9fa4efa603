package dev.betterauth4j.core;

import java.math.BigInteger;

/**
 * Refuses Ed25519 public keys that are not a canonical encoding or that are a point of small order.
 *
 * <p>Why: for a public key A of small order (1, 2, 4 or 8), the signature R = identity, S = 0 satisfies the
 * verification equation [S]B = R + [k]A whenever the hash k is a multiple of A's order, which happens for one message
 * in eight at worst: anyone can then "sign" a token for any subject. Neither the JDK's Ed25519 nor Tink refuses such
 * keys, so key admission must. A key pair made honestly never has a small-order public key (A = [s]B for a scalar s,
 * and B has prime order L), so refusing them costs nothing.
 *
 * <p>The check follows RFC 8032, 5.1.3 (decoding) and libsodium's {@code has_small_order} (its blocklist holds the
 * encodings of exactly the points found below):
 * <ol>
 *   <li>An encoding is 32 bytes: y, little-endian, in the low 255 bits; the top bit is the sign of x. A y at or above
 *       the field prime p = 2^255 - 19 is not canonical: it names the same point as y - p, so one key would have two
 *       encodings (and a lenient decoder such as Tink's accepts it). Refused.</li>
 *   <li>Small order is decided on y alone, and for both signs of x. The points of order dividing 8 form the curve's
 *       torsion subgroup, cyclic of order 8 (the cofactor); on -x^2 + y^2 = 1 + d x^2 y^2 they are:
 *       <ul>
 *         <li>y = 1: the identity (0, 1), order 1;</li>
 *         <li>y = -1: (0, -1), order 2;</li>
 *         <li>y = 0: (+-sqrt(-1), 0), order 4;</li>
 *         <li>the four points of order 8, whose double is one of the order-4 points. Doubling gives
 *             y(2P) = (x^2 + y^2) / (2 + x^2 - y^2), which is 0 exactly when x^2 = -y^2; putting that into the curve
 *             equation leaves d y^4 + 2 y^2 - 1 = 0. That quartic has two roots in the field, y8 and -y8, each with
 *             two points (+-x).</li>
 *       </ul>
 *       1 + 1 + 2 + 4 = 8 points: all of them. For y = +-1 the sign bit must be 0 (x = 0); an encoding with it set is
 *       invalid, and refused here with the rest.</li>
 * </ol>
 * Public keys are public, so this runs in variable time on {@link BigInteger}s without harm.
 */
final class Ed25519PublicKeyCheck {

    /** The field prime p = 2^255 - 19. */
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** The curve constant d = -121665 / 121666 (mod p) of edwards25519 (RFC 8032, 5.1). */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger MINUS_ONE = P.subtract(BigInteger.ONE);
    private static final int ENCODED_LENGTH = 32;

    private Ed25519PublicKeyCheck() {
    }

    /**
     * Says what is wrong with an encoded Ed25519 public key, or returns null when nothing is. A key of the wrong
     * length is left to the caller, which refuses it with its own message.
     */
    static String defect(byte[] encoded) {
        if (encoded.length != ENCODED_LENGTH) {
            return null;
        }
        BigInteger y = decodeY(encoded);
        if (y.compareTo(P) >= 0) {
            return "its Ed25519 public key is not canonical (y >= p)";
        }
        if (hasSmallOrder(y)) {
            return "its Ed25519 public key is a small-order point, for which signatures can be forged";
        }
        return null;
    }

    /** The low 255 bits, read little-endian; the top bit (the sign of x) is dropped. */
    private static BigInteger decodeY(byte[] encoded) {
        byte[] bigEndian = new byte[ENCODED_LENGTH];
        for (int i = 0; i < ENCODED_LENGTH; i++) {
            bigEndian[i] = encoded[ENCODED_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    /** Whether y (already below p) is the y coordinate of one of the eight points of order 1, 2, 4 or 8. */
    private static boolean hasSmallOrder(BigInteger y) {
        if (y.equals(BigInteger.ONE) || y.equals(MINUS_ONE) || y.signum() == 0) {
            return true;
        }
        BigInteger ySquared = y.multiply(y).mod(P);
        BigInteger quartic = D.multiply(ySquared).multiply(ySquared)
                .add(ySquared.shiftLeft(1))
                .subtract(BigInteger.ONE)
                .mod(P);
        return quartic.signum() == 0;
    }
}
