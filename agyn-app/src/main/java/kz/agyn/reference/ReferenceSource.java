package kz.agyn.reference;

/** Where a reference table's rows come from, shown next to the table. */
public record ReferenceSource(String table, String source, String licence, String url) {
}
