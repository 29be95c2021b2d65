package jp.kessai.platform.secret;

/**
 * A value that must never be printed: card numbers, security codes, shop passwords, AccessPasses and prepaid approval
 * numbers travel in these types from the face that parses them to the processor or store that needs them. Their
 * {@code toString()} masks the value, so logging, string concatenation and exception messages cannot leak it; the
 * clear value is reached only through {@link #expose()}, so every place it leaves its wrapper can be found with
 * {@code grep -rn 'expose()'}. They are final classes rather than records on purpose: a record would add a second
 * public accessor to the value, and reflection-based serialisers (Jackson) would write it out.
 *
 * <p>Equality is by value and constant time ({@link java.security.MessageDigest#isEqual}), so comparing two secrets
 * never tells by its timing how many leading characters agree.
 */
public sealed interface Secret permits CardNumber, MaskedSecret {

    /** What the fully masked types print instead of their value; the same whatever the value's length. */
    String MASK = "****";

    /** The clear value, for the code that has to send, store (encrypted) or compare it. */
    String expose();
}
