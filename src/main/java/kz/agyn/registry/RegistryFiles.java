package kz.agyn.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of one bulk import. Uploaded files are copied into an owner-only temporary folder (the import reads
 * by path, since XLSX needs random access) that {@link #close} removes: the copies hold personal data in clear,
 * and an import that runs in the background outlives the request that brought them. Files named on the command
 * line are the user's own and are left alone.
 */
public final class RegistryFiles implements AutoCloseable {

    private final Path folder;
    private final List<RegistryImport.Input> inputs = new ArrayList<>();

    private RegistryFiles(Path folder) {
        this.folder = folder;
    }

    /** An empty set to {@link #add} uploads to. */
    public static RegistryFiles staging() throws IOException {
        // createTempDirectory makes the folder readable by its owner only.
        return new RegistryFiles(Files.createTempDirectory("agyn-registry-import"));
    }

    /** Files that stay where they are, and are not deleted. */
    public static RegistryFiles of(List<RegistryImport.Input> inputs) {
        RegistryFiles files = new RegistryFiles(null);
        files.inputs.addAll(inputs);
        return files;
    }

    /** Copies an upload in; {@code name} is the user's name for it, shown in the report. */
    public void add(RegistryImport.Kind kind, String name, InputStream content) throws IOException {
        if (folder == null) {
            throw new IllegalStateException("not a staging set");
        }
        Path copy = folder.resolve(kind.name().toLowerCase(Locale.ROOT));
        Files.copy(content, copy);
        inputs.add(new RegistryImport.Input(kind, name, copy));
    }

    public List<RegistryImport.Input> inputs() {
        return List.copyOf(inputs);
    }

    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    @Override
    public void close() throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }
}
