package kz.agyn.note.check.web;

import java.io.InputStream;
import java.io.UncheckedIOException;

import kz.agyn.kernel.UserException;
import kz.agyn.note.check.NoteDocuments;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The text to check, from an uploaded file (within its own limit) or a pasted text, for the page and the API. */
@Component
class NoteCheckInput {

    private final Uploads uploads;
    private final long maxBytes;

    NoteCheckInput(Uploads uploads, @Value("${agyn.note-check.max-file-size:20971520}") long maxBytes) {
        this.uploads = uploads;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    String text(MultipartFile file, String pasted) {
        if (file != null && !file.isEmpty()) {
            try (Upload upload = uploads.receive(file, maxBytes, "note")) {
                return NoteDocuments.text(upload.file());
            } catch (UncheckedIOException e) {
                throw new UserException(UserException.Kind.INVALID, "notecheck.error.unreadable");
            }
        }
        if (pasted != null && !pasted.isBlank()) {
            if (pasted.length() > maxBytes) {
                throw new UserException(UserException.Kind.INVALID, "notecheck.error.tooLong");
            }
            return pasted;
        }
        throw new UserException(UserException.Kind.INVALID, "notecheck.error.nothing");
    }

    /**
     * The text of a request body sent as the note itself, under the same limit as a file. It is streamed to a
     * temporary file and refused as soon as it passes the limit, so a 100 MB body is never held in memory (read
     * into a String it was, whole, before any limit applied).
     */
    String body(InputStream in) {
        try (Upload upload = uploads.receive(in, null, maxBytes)) {
            String text = upload.size() == 0 ? "" : NoteDocuments.text(upload.file());
            if (text.isBlank()) {
                throw new UserException(UserException.Kind.INVALID, "notecheck.error.nothing");
            }
            return text;
        } catch (UncheckedIOException e) {
            throw new UserException(UserException.Kind.INVALID, "notecheck.error.unreadable");
        }
    }
}
