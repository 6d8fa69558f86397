package kz.agyn.registry.imports;

import java.util.List;

/** Reads one kind of registry file: the columns it must have, and each row checked into a value. */
interface RowParser<T> {

    /** The columns a file of this kind must have; without one its rows are not read. */
    List<String> required();

    /** The row's value, or null when it has problems (each reported through {@code cells}). */
    T parse(Cells cells);
}
