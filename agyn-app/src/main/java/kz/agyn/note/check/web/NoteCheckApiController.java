package kz.agyn.note.check.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.agyn.note.check.NoteChecker;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Note check", description = "The consistency check of a note: its figures, and the figures that "
        + "contradict each other or the warehouse, shares that do not sum to 100%, figures without a source")
class NoteCheckApiController {

    private final NoteChecker checker;
    private final NoteCheckInput input;

    NoteCheckApiController(NoteChecker checker, NoteCheckInput input) {
        this.checker = checker;
        this.input = input;
    }

    @PostMapping(path = "/note-checks", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @Operation(summary = "Check a DOCX, PDF or plain-text note (file) or a pasted text (text)")
    NoteChecker.Report check(@Parameter(description = "DOCX, PDF or UTF-8 text") @RequestParam(required = false)
                             MultipartFile file, @RequestParam(required = false) String text) {
        return checker.check(input.text(file, text));
    }

    @PostMapping(path = "/note-checks", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Check a plain-text note sent as the request body")
    NoteChecker.Report checkBody(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The note as "
            + "UTF-8 text (a PDF or DOCX body is read as such)") HttpServletRequest request) throws IOException {
        return checker.check(input.body(request.getInputStream()));
    }
}
