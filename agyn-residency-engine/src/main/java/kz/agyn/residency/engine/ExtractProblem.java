package kz.agyn.residency.engine;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong in an input file, located: {@code code} is a key in {@code i18n/residency*.properties} whose
 * message takes {0} the file, {1} the line (1 is the header) and then {@code details}. Never carries a value that
 * could be personal data (an IIN written in clear is reported by its line only).
 */
public record ExtractProblem(String file, long line, String code, List<Object> details) {

    public ExtractProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        details = List.copyOf(details);
    }

    /** The message arguments: file, line, then the details. */
    public Object[] arguments() {
        Object[] out = new Object[2 + details.size()];
        out[0] = file;
        out[1] = line;
        for (int i = 0; i < details.size(); i++) {
            out[2 + i] = details.get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + code + " " + details;
    }
}
