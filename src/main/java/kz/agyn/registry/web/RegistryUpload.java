package kz.agyn.registry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryImport;
import kz.agyn.registry.RegistryImportReport;
import org.springframework.web.multipart.MultipartFile;

/**
 * Hands uploaded registry files to {@link RegistryImport}, for the API and the import page alike. The import
 * reads files by path (XLSX needs random access); the copies hold personal data, so they live in an
 * owner-only temporary folder that is removed whatever happens.
 */
final class RegistryUpload {

    private RegistryUpload() {
    }

    static RegistryImportReport run(RegistryImport imports, MultipartFile scholars, MultipartFile awards,
                                    MultipartFile employments, boolean write, Access access, String by,
                                    Locale locale) throws IOException {
        Path dir = Files.createTempDirectory("agyn-registry-import");
        try {
            List<RegistryImport.Input> inputs = new ArrayList<>();
            add(inputs, RegistryImport.Kind.SCHOLARS, scholars, dir, "scholars.csv");
            add(inputs, RegistryImport.Kind.AWARDS, awards, dir, "awards.csv");
            add(inputs, RegistryImport.Kind.EMPLOYMENTS, employments, dir, "employments.csv");
            return imports.run(inputs, write, access, by, locale);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
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

    private static void add(List<RegistryImport.Input> inputs, RegistryImport.Kind kind, MultipartFile part,
                            Path dir, String fallbackName) throws IOException {
        if (part == null || part.isEmpty()) {
            return;
        }
        String original = part.getOriginalFilename();
        // The user's name for the file shows in the report and tells XLSX from CSV; the copy is named by its kind.
        String name = original == null || original.isBlank() ? fallbackName : original.replaceAll(".*[/\\\\]", "");
        Path copy = dir.resolve(kind.name().toLowerCase(Locale.ROOT));
        part.transferTo(copy);
        inputs.add(new RegistryImport.Input(kind, name, copy));
    }
}
