/**
 * The registry's keys and what they protect: personal-data protection primitives (encryption of personal fields at
 * rest, keyed blind indexes for lookups by IIN or exact name, stable pseudonyms for analysts), and the re-key job
 * that follows a rotation of the key ({@link kz.agyn.registry.keys.RegistryRekeyJobs}).
 *
 * <p>The Law of the Republic of Kazakhstan on personal data and their protection asks that personal data be
 * protected and shown only to those who need them. The registry therefore stores IINs, names and contacts only as
 * AES-256-GCM ciphertext ({@link kz.agyn.registry.keys.PersonalDataCipher}); finds a scholar by an HMAC of the
 * IIN or of a normalised name ({@link kz.agyn.registry.keys.BlindIndex}) without decrypting every row; and lets an
 * ANALYST follow one record over time by a pseudonym ({@link kz.agyn.registry.keys.Pseudonym}) that cannot be
 * turned back into the IIN without the key.
 *
 * <p>All keys derive from one 256-bit master key ({@link kz.agyn.registry.keys.RegistryKeys}) with distinct HKDF
 * labels, so a leaked blind index key reveals nothing about the encryption key and vice versa. The key never
 * appears in a {@code toString()}, a log line or an exception message, and neither does any plaintext this
 * package handles.
 *
 * <p>The primitives ({@link kz.agyn.registry.keys.PersonalDataCipher}, {@link kz.agyn.registry.keys.BlindIndex},
 * {@link kz.agyn.registry.keys.Pseudonym}, {@link kz.agyn.registry.keys.RegistryKeys}, {@code Hkdf}) depend on the
 * JDK and the kernel only: every sub-feature of the registry, and tools without a framework, use them.
 */
package kz.agyn.registry.keys;
