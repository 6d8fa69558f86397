package kz.agyn.platform.cache;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values computed once per generation of the data domains they read, per key (a language, a query): the first
 * request after a change computes them again; older generations' entries are never served and age out.
 *
 * <p>Correct because the generation is read <em>before</em> the data: a value is stored under a generation no newer
 * than the data it was computed from, so a reader that sees a newer generation never finds it.
 *
 * @param <K> what else the value depends on (a record, a locale…): it must have value equality
 */
public final class PerGeneration<K, V> {

    private record Key(String generation, Object key) {
    }

    private final DataGenerations generations;
    private final String[] domains;
    private final Cache<Key, V> cache;

    PerGeneration(DataGenerations generations, String[] domains, long maximumSize) {
        this.generations = generations;
        this.domains = domains.clone();
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** The value for this key and the data as they are now, computed if the data changed since. */
    public V get(K key, Supplier<V> compute) {
        Key k = new Key(generations.of(domains), key);
        return cache.get(k, unused -> compute.get());
    }
}
