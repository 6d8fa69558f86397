package kz.agyn.costmodel;

/**
 * Where a parameter's value comes from: a citation a reader can follow, with a link when there is one. For an
 * assumption the citation says what the guess rests on and what data would replace it.
 *
 * @param citation the reference or the reasoning, never blank
 * @param url      a link to the source, or null
 */
public record Source(String citation, String url) {

    /** Rejects a blank citation and a blank (rather than absent) URL. */
    public Source {
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("a source needs a citation");
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
    }
}
