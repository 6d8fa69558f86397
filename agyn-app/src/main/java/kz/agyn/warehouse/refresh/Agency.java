package kz.agyn.warehouse.refresh;

/**
 * A service a dataset can be refreshed from: its id as sdmx-dl names it ({@code ESTAT}, {@code ILO}), its name (in
 * English, as its catalogue gives it), the connector that speaks to it and its base address. {@code trailingSlash}:
 * the service wants addresses ending in "/" (sdmx-dl knows which).
 */
public record Agency(String id, String name, SourceKind kind, String endpoint, boolean trailingSlash) {
}
