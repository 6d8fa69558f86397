package kz.agyn.note.check;

/**
 * Where a figure stands. {@code line} is the 1-based line of the text as given (the hand-labelled set and the
 * page's highlighting use it); {@code paragraph} counts the text's paragraphs; {@code table}, {@code row} (1-based,
 * header not counted) and {@code column} (the header's name) are set for a table cell, else 0/null.
 */
public record Place(String section, int paragraph, int line, int table, int row, String column) {

    public boolean inTable() {
        return table > 0;
    }
}
