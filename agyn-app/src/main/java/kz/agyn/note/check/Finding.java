package kz.agyn.note.check;

import java.util.List;

/**
 * Something the reader must look at before the note goes out: {@code kind} says what, {@code figures} the
 * competing figures (each with its place and sources), {@code expected} the other side when it is not in the text
 * (the warehouse's values, the 100% a share column should sum to), {@code detail} message arguments.
 */
public record Finding(Kind kind, List<Figure> figures, List<Competing> expected, String subject) {

    /** (a) the warehouse, (b) the note itself, (c) shares of one whole, (d) no source. */
    public enum Kind { WAREHOUSE, CONTRADICTION, SHARES, UNSOURCED }

    /** A value from outside the text (the warehouse, the sum a share column should reach), with its source. */
    public record Competing(String value, String source) {
    }
}
