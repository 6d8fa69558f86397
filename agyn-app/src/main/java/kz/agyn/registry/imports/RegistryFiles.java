package kz.agyn.registry.imports;

import java.util.ArrayList;
import java.util.List;

import kz.agyn.platform.upload.Upload;

/**
 * The files of one bulk import. Uploaded files stay the temporary files they were received into (the import
 * reads by path, since XLSX needs random access), owner-only, until {@link #close} deletes them: they hold
 * personal data in clear, and an import that runs in the background outlives the request that brought them.
 * Files named on the command line are the user's own and are left alone.
 */
public final class RegistryFiles implements AutoCloseable {

    private final List<RegistryInput> inputs = new ArrayList<>();
    private final List<Upload> owned = new ArrayList<>();

    private RegistryFiles() {
    }

    /** An empty set to {@link #add} uploads to. */
    public static RegistryFiles staging() {
        return new RegistryFiles();
    }

    /** Files that stay where they are, and are not deleted. */
    public static RegistryFiles of(List<RegistryInput> inputs) {
        RegistryFiles files = new RegistryFiles();
        files.inputs.addAll(inputs);
        return files;
    }

    /** A received upload, which this set now owns and deletes on {@link #close}; its name shows in the report. */
    public void add(RegistryInput.Kind kind, Upload upload) {
        owned.add(upload);
        inputs.add(new RegistryInput(kind, upload.name(), upload.file()));
    }

    public List<RegistryInput> inputs() {
        return List.copyOf(inputs);
    }

    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    @Override
    public void close() {
        owned.forEach(Upload::close);
        owned.clear();
    }
}
