package kz.agyn.platform.cache;

import org.springframework.stereotype.Component;

/** Makes the caches features keep their computed figures in (see the package's description). */
@Component
public class Caches {

    /** Data domains, as migration V210 names them. */
    public static final String WAREHOUSE = "warehouse";
    public static final String REFERENCE = "reference";
    public static final String NOTE = "note";
    public static final String REGISTRY = "registry";
    public static final String SURVEY = "survey";

    private final DataGenerations generations;

    public Caches(DataGenerations generations) {
        this.generations = generations;
    }

    /** A cache of values that depend on the data of the domains named (and on a key), at most so many kept. */
    public <K, V> PerGeneration<K, V> perGeneration(long maximumSize, String... domains) {
        return new PerGeneration<>(generations, domains, maximumSize);
    }
}
