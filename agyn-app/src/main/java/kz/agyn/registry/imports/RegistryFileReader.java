package kz.agyn.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.registry.imports.AwardParser.AwardIn;
import kz.agyn.registry.imports.JobParser.JobIn;
import kz.agyn.registry.imports.ScholarParser.ScholarIn;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;

/**
 * Reads one registry file (CSV or XLSX) through a {@link RowParser}: the header first, then every row that is
 * not blank, handing each good row on; a file without its required columns, or one that cannot be read, is one
 * problem. The fuzz target drives this with any bytes, so nothing a file holds may throw.
 */
final class RegistryFileReader {

    /** The good rows of every file, in the order read. */
    record Rows(List<ScholarIn> scholars, List<AwardIn> awards, List<JobIn> jobs) {
    }

    private RegistryFileReader() {
    }

    /**
     * Every file, the scholars first, then the awards and the jobs, which may name the scholars of the files as
     * well as those of the registry ({@code registryScholars}). Reports the bytes read to {@code progress}.
     */
    static Rows readAll(List<RegistryInput> inputs, Set<String> registryScholars, ReferenceCodes codes,
                        ProblemCollector problems, RegistryImportProgress progress) {
        long bytes = 0;
        for (RegistryInput in : inputs) {
            bytes += size(in);
        }
        progress.begin(RegistryImportProgress.Phase.READING, bytes);
        Set<String> fileScholars = new HashSet<>();
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long before = 0;
        for (RegistryInput.Kind kind : RegistryInput.Kind.values()) {
            for (RegistryInput in : inputs) {
                if (in.kind() != kind) {
                    continue;
                }
                switch (kind) {
                    case SCHOLARS -> read(in, new ScholarParser(fileScholars), problems, progress, before,
                            rows.scholars()::add);
                    case AWARDS -> read(in, new AwardParser(fileScholars, registryScholars, codes), problems,
                            progress, before, rows.awards()::add);
                    case EMPLOYMENTS -> read(in, new JobParser(fileScholars, registryScholars, codes), problems,
                            progress, before, rows.jobs()::add);
                }
                before += size(in);
                progress.at(before);
            }
        }
        return rows;
    }

    /** A file's length, for the bar; 0 when it cannot be told (the file's reader then reports why). */
    private static long size(RegistryInput in) {
        try {
            return Files.size(in.file());
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Reads {@code in}, reporting to {@code progress} as bytes after the {@code before} read from earlier files,
     * and stopping if it is cancelled.
     */
    static <T> void read(RegistryInput in, RowParser<T> parser, ProblemCollector problems,
                         RegistryImportProgress progress, long before, Consumer<T> good) {
        try (TableReader reader = TableReaders.open(in.file(), in.fileName(), null)) {
            Map<String, Integer> cols = new HashMap<>();
            List<String> header = reader.columns();
            for (int i = 0; i < header.size(); i++) {
                cols.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            boolean complete = true;
            for (String required : parser.required()) {
                if (!cols.containsKey(required)) {
                    problems.add(Problem.atRow(in.fileName(), reader.sheet(), 1, required,
                            "registry.import.columnMissing", required));
                    complete = false;
                }
            }
            // Without its columns a file's rows would only repeat the same problem; the other files are still
            // read, so that one report lists everything to mend.
            if (!complete) {
                return;
            }
            Row row;
            long n = 0;
            while ((row = reader.next()) != null) {
                if (!row.blank()) {
                    T value = parser.parse(new Cells(cols, row, problems));
                    if (value != null) {
                        good.accept(value);
                    }
                    progress.row();
                }
                if (++n % 512 == 0) {
                    progress.check();
                    long read = reader.bytesRead();
                    if (read >= 0) {
                        progress.at(before + read);
                    }
                }
            }
        } catch (TabularException e) {
            // Said at the row without a column, as the report has always shown a file that breaks off.
            Location at = e.location();
            problems.add(at == null ? Problem.inFile(in.fileName(), e.code(), e.args())
                    : Problem.atRow(at.file(), at.sheet(), at.row(), null, e.code(), e.args()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
