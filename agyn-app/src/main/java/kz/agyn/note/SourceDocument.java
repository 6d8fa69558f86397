package kz.agyn.note;

/** A publication a figure comes from. */
public record SourceDocument(String code, String kind, String citation, String authors, Integer year, String title,
                             String publication, String url) {
}
