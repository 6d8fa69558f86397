package kz.agyn.registry.imports.web;

import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.registry.imports.RegistryFiles;
import kz.agyn.registry.imports.RegistryInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands uploaded registry files to the import, for the API and the import page alike: each is received into a
 * temporary file under {@code agyn.registry.import.max-size} and handed to a {@link RegistryFiles} set, which
 * the import deletes when it ends (the import may outlive the request that brought them).
 */
@Component
class RegistryUpload {

    private final Uploads uploads;
    private final long maxSize;

    RegistryUpload(Uploads uploads, @Value("${agyn.registry.import.max-size:104857600}") long maxSize) {
        this.uploads = uploads;
        this.maxSize = maxSize;
    }

    /**
     * @throws kz.agyn.platform.upload.UploadTooLargeException when one of the files is over the limit; none is
     *                                                         kept then
     */
    RegistryFiles stage(MultipartFile scholars, MultipartFile awards, MultipartFile employments) {
        RegistryFiles files = RegistryFiles.staging();
        try {
            add(files, RegistryInput.Kind.SCHOLARS, scholars, "scholars.csv");
            add(files, RegistryInput.Kind.AWARDS, awards, "awards.csv");
            add(files, RegistryInput.Kind.EMPLOYMENTS, employments, "employments.csv");
            return files;
        } catch (RuntimeException | Error e) {
            files.close();
            throw e;
        }
    }

    /** The largest file taken, each, in bytes ({@code agyn.registry.import.max-size}). */
    long maxSize() {
        return maxSize;
    }

    /** Whether any file was given at all. */
    static boolean any(MultipartFile... parts) {
        for (MultipartFile p : parts) {
            if (p != null && !p.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void add(RegistryFiles files, RegistryInput.Kind kind, MultipartFile part, String fallbackName) {
        if (part == null || part.isEmpty()) {
            return;
        }
        // The user's name for the file shows in the report and tells XLSX from CSV.
        Upload received = uploads.receive(part, maxSize, fallbackName);
        files.add(kind, received);
    }
}
