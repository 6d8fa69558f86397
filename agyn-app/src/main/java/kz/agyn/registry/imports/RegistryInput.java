package kz.agyn.registry.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;

/**
 * A file to import, with the name the user knows it by (it shows in the report, and tells XLSX from CSV). Apart
 * from {@link RegistryImport} so that reading a file needs nothing of the import that drives it.
 */
public record RegistryInput(Kind kind, String fileName, Path file) {

    /** Which of the three files of docs/formats/registry.md a file is. */
    public enum Kind { SCHOLARS, AWARDS, EMPLOYMENTS }

    /**
     * Which of the three files {@code file} is, from its header (each has a column the other two lack), or else
     * from its name (scholars…, awards…, employments… or jobs…); empty when neither tells.
     */
    public static Optional<Kind> kindOf(Path file, String name) {
        try (TableReader reader = TableReaders.open(file, name, null)) {
            Set<String> columns = new HashSet<>();
            for (String c : reader.columns()) {
                columns.add(c.strip().toLowerCase(Locale.ROOT));
            }
            if (columns.contains("award_ref")) {
                return Optional.of(Kind.AWARDS);
            }
            if (columns.contains("employer_name") || columns.contains("seq")) {
                return Optional.of(Kind.EMPLOYMENTS);
            }
            if (columns.contains("iin")) {
                return Optional.of(Kind.SCHOLARS);
            }
        } catch (TabularException | IOException e) {
            // An unreadable header is reported by the import itself; the name may still tell the kind.
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("scholar")) {
            return Optional.of(Kind.SCHOLARS);
        }
        if (n.startsWith("award")) {
            return Optional.of(Kind.AWARDS);
        }
        if (n.startsWith("employment") || n.startsWith("job")) {
            return Optional.of(Kind.EMPLOYMENTS);
        }
        return Optional.empty();
    }
}
