package kz.agyn.registry.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one re-key job stands. {@code status}: see {@link RegistryRekeyState} (after a cancel every row is
 * readable: each is under the current key or its old one).
 * {@code done} counts rows looked at, of {@code total} found under another key when the job began;
 * {@code rekeyed} of them were rewritten, {@code unreadable} name a key that is not loaded (or are damaged),
 * {@code duplicates} hold an IIN that another row already holds under the current key. Key ids are the 8-hex
 * digit ids that every ciphertext carries, never key material; no row's content is here.
 */
public record RegistryRekeyStatus(UUID id, RegistryRekeyState status, String by, String toKeyId, long done, long total,
                                  int percent, long rekeyed, long unreadable, long duplicates, boolean finished,
                                  boolean cancelRequested, Instant startedAt, Instant endedAt) {
}
