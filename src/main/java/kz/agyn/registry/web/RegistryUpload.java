package kz.agyn.registry.web;

import java.io.IOException;
import java.io.InputStream;

import kz.agyn.registry.RegistryFiles;
import kz.agyn.registry.RegistryImport;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands uploaded registry files to the import, for the API and the import page alike: copies them into a
 * {@link RegistryFiles} staging set, which the import deletes when it ends (the uploads themselves vanish with
 * the request, and the import may outlive it).
 */
final class RegistryUpload {

    private RegistryUpload() {
    }

    static RegistryFiles stage(MultipartFile scholars, MultipartFile awards, MultipartFile employments)
            throws IOException {
        RegistryFiles files = RegistryFiles.staging();
        try {
            add(files, RegistryImport.Kind.SCHOLARS, scholars, "scholars.csv");
            add(files, RegistryImport.Kind.AWARDS, awards, "awards.csv");
            add(files, RegistryImport.Kind.EMPLOYMENTS, employments, "employments.csv");
            return files;
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
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

    private static void add(RegistryFiles files, RegistryImport.Kind kind, MultipartFile part, String fallbackName)
            throws IOException {
        if (part == null || part.isEmpty()) {
            return;
        }
        String original = part.getOriginalFilename();
        // The user's name for the file shows in the report and tells XLSX from CSV; the copy is named by its kind.
        String name = original == null || original.isBlank() ? fallbackName : original.replaceAll(".*[/\\\\]", "");
        try (InputStream in = part.getInputStream()) {
            files.add(kind, name, in);
        }
    }
}
