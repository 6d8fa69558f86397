package kz.agyn.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Uploads land in an owner-only temporary file, counted and hashed on the way; past the limit they are refused
 * after at most one buffer more and nothing stays behind; closing deletes the file unless it was kept.
 */
class UploadsTest {

    @TempDir
    Path home;

    Path folder() {
        return home.resolve("uploads");
    }

    @Test
    void aFileUnderTheLimitIsReceivedCountedAndHashed() throws Exception {
        Uploads uploads = new Uploads(folder());
        byte[] content = "region,year,value\nKZ,2024,1\n".getBytes(StandardCharsets.UTF_8);
        Path file;
        try (Upload u = uploads.receive(new ByteArrayInputStream(content), "C:\\Users\\a\\data.csv", 1000)) {
            file = u.file();
            assertThat(u.name()).isEqualTo("data.csv");
            assertThat(u.size()).isEqualTo(content.length);
            assertThat(u.sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)));
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
            assertThat(file.getParent()).isEqualTo(folder());
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file))
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                assertThat(Files.getPosixFilePermissions(folder())).doesNotContain(
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.OTHERS_EXECUTE);
            }
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileAtTheLimitIsTakenOneByteMoreIsNot() {
        Uploads uploads = new Uploads(folder());
        try (Upload u = uploads.receive(new ByteArrayInputStream(new byte[4096]), "exact.bin", 4096)) {
            assertThat(u.size()).isEqualTo(4096);
        }
        assertThatThrownBy(() -> uploads.receive(new ByteArrayInputStream(new byte[4097]), "over.bin", 4096))
                .isInstanceOfSatisfying(UploadTooLargeException.class, e -> {
                    assertThat(e.code()).isEqualTo("upload.tooLarge");
                    assertThat(e.args()).containsExactly("over.bin", 0.0);
                    assertThat(e.limit()).isEqualTo(4096);
                });
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEndlessStreamIsCutOffAfterOneBufferPastTheLimit() {
        Uploads uploads = new Uploads(folder());
        Endless endless = new Endless();
        assertThatThrownBy(() -> uploads.receive(endless, null, 1 << 20))
                .isInstanceOfSatisfying(UploadTooLargeException.class,
                        e -> assertThat(e.code()).isEqualTo("upload.tooLarge.unnamed"));
        assertThat(endless.read).isLessThanOrEqualTo((1 << 20) + 64 * 1024);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMultipartFileKnownToBeTooLargeIsNotReadAtAll() {
        Uploads uploads = new Uploads(folder());
        MockMultipartFile huge = new MockMultipartFile("file", "huge.xlsx", "application/octet-stream", new byte[0]) {
            @Override
            public long getSize() {
                return 5L << 30;
            }

            @Override
            public InputStream getInputStream() {
                throw new AssertionError("read although its size was known to be over the limit");
            }
        };
        assertThatThrownBy(() -> uploads.receive(huge, 200L << 20))
                .isInstanceOfSatisfying(UploadTooLargeException.class, e -> {
                    assertThat(e.args()).containsExactly("huge.xlsx", 200.0);
                    assertThat(e.limit()).isEqualTo(200L << 20);
                });
        assertThat(uploads.receive((org.springframework.web.multipart.MultipartFile) null, 10)).isNull();
    }

    @Test
    void aKeptFileIsTheFeaturesAndSurvivesClosing() throws Exception {
        Uploads uploads = new Uploads(folder());
        Path target = home.resolve("imports").resolve("kept.upload");
        try (Upload u = uploads.receive(new ByteArrayInputStream(new byte[] {1, 2, 3}), "a.csv", 10)) {
            u.keepAs(target);
            assertThat(u.file()).isEqualTo(target);
        }
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void limitsAreWordedInMegabytes() {
        assertThat(UploadTooLargeException.megabytes(200L << 20)).isEqualTo(200.0);
        assertThat(UploadTooLargeException.megabytes(1 << 20)).isEqualTo(1.0);
        assertThat(UploadTooLargeException.megabytes(1_000_000)).isEqualTo(0.9);
        assertThat(UploadTooLargeException.megabytes(20_971_520)).isEqualTo(20.0);
    }

    @Test
    void namesLoseFoldersAndControlCharacters() {
        assertThat(Uploads.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.safeName("a\u0000b\nc.csv")).isEqualTo("abc.csv");
        assertThat(Uploads.safeName(null)).isEqualTo("upload");
        assertThat(Uploads.safeName(" / ")).isEqualTo("upload");
        assertThat(Uploads.safeName("x".repeat(300))).hasSize(200);
    }

    @Test
    void leftoversOlderThanADayAreRemovedAtStart() throws Exception {
        Files.createDirectories(folder());
        Path old = Files.writeString(folder().resolve("upload-1.part"), "old");
        Path fresh = Files.writeString(folder().resolve("upload-2.part"), "fresh");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        new Uploads(folder());
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    private Set<Path> leftovers() {
        if (!Files.isDirectory(folder())) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return Set.copyOf(files.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A stream that never ends, counting what was read from it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }
}
