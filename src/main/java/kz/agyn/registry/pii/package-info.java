/**
 * Personal-data protection primitives of the scholar registry: encryption of personal fields at rest, keyed
 * blind indexes for lookups by IIN or exact name, and stable pseudonyms for analysts.
 *
 * <p>The Law of the Republic of Kazakhstan on personal data and their protection asks that personal data be
 * protected and shown only to those who need them. The registry therefore stores IINs, names and contacts only as
 * AES-256-GCM ciphertext ({@link kz.agyn.registry.pii.PersonalDataCipher}); finds a scholar by an HMAC of the
 * IIN or of a normalised name ({@link kz.agyn.registry.pii.BlindIndex}) without decrypting every row; and lets an
 * ANALYST follow one record over time by a pseudonym ({@link kz.agyn.registry.pii.Pseudonym}) that cannot be
 * turned back into the IIN without the key.
 *
 * <p>All keys derive from one 256-bit master key ({@link kz.agyn.registry.pii.RegistryKeys}) with distinct HKDF
 * labels, so a leaked blind index key reveals nothing about the encryption key and vice versa. The key never
 * appears in a {@code toString()}, a log line or an exception message, and neither does any plaintext this
 * package handles.
 *
 * <p>The package depends on the JDK and the kernel only: the storage layer, importers and the synthetic data
 * tools use it without a framework.
 */
package kz.agyn.registry.pii;
