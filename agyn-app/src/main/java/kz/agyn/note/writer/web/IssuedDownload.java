package kz.agyn.note.writer.web;

import java.util.UUID;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.NoteIssues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file of an issued note as it went out, for the page's links and the API alike. */
final class IssuedDownload {

    private IssuedDownload() {
    }

    static ResponseEntity<byte[]> of(NoteIssues issues, UUID id, String format) {
        NoteIssues.Issued n = issues.find(id).orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND,
                "note.issue.notFound"));
        byte[] body = issues.file(id, format).orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND,
                "note.issue.notFound"));
        String type = switch (format) {
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "pdf" -> "application/pdf";
            default -> "text/html;charset=UTF-8";
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(n.fileName() + "." + format).build().toString())
                .body(body);
    }
}
