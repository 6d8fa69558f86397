package kz.agyn.registry.keys;

import java.util.List;
import java.util.Map;

/**
 * The registry's keys as an operator needs to see them after a rotation: the current key's id, every loaded
 * key's id, and how many scholars' rows still hold values under another key (by key id). A retired key may be
 * dropped from the configuration once {@code rowsUnderOtherKeys} is 0. {@code job} is the running or the last
 * re-key job since the application started, or null.
 */
public record RegistryKeyState(String currentKeyId, List<String> loadedKeyIds, long rowsUnderOtherKeys,
                               Map<String, Long> rowsByKeyId, RegistryRekeyStatus job) {
}
