package kz.agyn.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An upload received into a temporary file: its name as the user knows it, its size and SHA-256, and the file
 * to parse it from. Closing it deletes the file, unless the feature has taken the file over with {@link #keepAs}
 * (an import that waits for the user's decision).
 */
public final class Upload implements AutoCloseable {

    private final Path file;
    private final String name;
    private final long size;
    private final String sha256;
    private Path keptAs;

    Upload(Path file, String name, long size, String sha256) {
        this.file = file;
        this.name = name;
        this.size = size;
        this.sha256 = sha256;
    }

    /** The file on disk; read it, do not keep it (it is deleted on {@link #close}). */
    public Path file() {
        return keptAs != null ? keptAs : file;
    }

    /** The file's name as the user sent it, without any folder, control characters cut, at most 200 characters. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** SHA-256 of the content, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file());
    }

    /**
     * Moves the file to {@code target}, which then belongs to the caller: closing no longer deletes it. The
     * target's folder is created when missing.
     */
    public void keepAs(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            keptAs = target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (keptAs == null) {
            Uploads.deleteQuietly(file);
        }
    }
}
