package kz.agyn.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Receives uploads into temporary files: the one way every feature takes a file, a pasted text or a request
 * body, so that none reads one whole into memory or parses before knowing its size.
 *
 * <p>The files go to {@code agyn.uploads.directory} (under Agyn's home by default, so on disk rather than in a
 * memory-backed {@code /tmp}), in a folder only the application's user may enter, each file readable by that
 * user only: registry files carry personal data in clear until they are imported.
 */
@Component
public class Uploads {

    private static final int BUFFER = 64 * 1024;

    private final Path directory;

    public Uploads(@Value("${agyn.uploads.directory}") Path directory) {
        this.directory = directory;
        removeLeftovers();
    }

    /**
     * A multipart file, refused at once when the container already knows it is larger than {@code maxBytes}.
     *
     * @return null when no part was sent; an empty file is received as one, for the feature to report
     * @throws UploadTooLargeException when the file is larger than {@code maxBytes}; nothing is kept then
     */
    public Upload receive(MultipartFile part, long maxBytes) {
        return receive(part, maxBytes, null);
    }

    /** As {@link #receive(MultipartFile, long)}, naming the file {@code fallbackName} when the browser sent none. */
    public Upload receive(MultipartFile part, long maxBytes, String fallbackName) {
        if (part == null) {
            return null;
        }
        String original = part.getOriginalFilename();
        String name = safeName(original == null || original.isBlank() ? fallbackName : original);
        if (part.getSize() > maxBytes) {
            throw new UploadTooLargeException(name, maxBytes);
        }
        try (InputStream in = part.getInputStream()) {
            return receive(in, name, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request's whole body as a file named {@code name} (null or blank: "upload"), refused at once when its
     * Content-Length already says it is larger than {@code maxBytes}, and otherwise as soon as it passes it.
     *
     * @throws UploadTooLargeException when the body is larger than {@code maxBytes}; nothing is kept then
     */
    public Upload receive(HttpServletRequest request, String name, long maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new UploadTooLargeException(safeName(name), maxBytes);
        }
        try {
            return receive(request.getInputStream(), name, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams {@code in} into a temporary file, counting and hashing as it goes, and stops as soon as it has
     * passed {@code maxBytes}. The stream stays the caller's to close.
     *
     * @param name the name the user knows it by, or null for a pasted text or a request body
     * @throws UploadTooLargeException when there is more than {@code maxBytes}; the partial file is deleted
     */
    public Upload receive(InputStream in, String name, long maxBytes) {
        String safe = name == null ? null : safeName(name);
        Path file = null;
        try {
            file = Files.createTempFile(folder(), "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[BUFFER];
                // Never more than one buffer past the limit: the rest of an over-size upload is not read at all.
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new UploadTooLargeException(safe, maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(file, safe == null ? "upload" : safe, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** The folder of temporary uploads, created owner-only on first use. */
    private Path folder() throws IOException {
        if (!Files.isDirectory(directory)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        return directory;
    }

    /** A user's file name as it can be shown and stored: no folders, no control characters, 200 characters. */
    public static String safeName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return n.isEmpty() ? "upload" : n.length() > 200 ? n.substring(0, 200) : n;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left for the cleaning at the next start; nothing to tell the user.
        }
    }

    /**
     * Deletes what a crash left in the folder: uploads older than a day (younger ones may be a command-line
     * import's, running beside the web application on an external database).
     */
    private void removeLeftovers() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".part")).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(dayAgo);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(Uploads::deleteQuietly);
        } catch (IOException ignored) {
            // An unreadable folder shows itself at the first upload, with its reason.
        }
    }
}
