package kz.agyn.note.check.web;

import java.util.Locale;

import kz.agyn.kernel.UserException;
import kz.agyn.note.check.NoteChecker;
import kz.agyn.platform.upload.UploadTooLargeException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

/** Upload or paste a note; see its text with the findings marked and the findings listed. */
@Controller
class NoteCheckPageController {

    private final NoteChecker checker;
    private final NoteCheckInput input;
    private final MessageSource messages;

    NoteCheckPageController(NoteChecker checker, NoteCheckInput input, MessageSource messages) {
        this.checker = checker;
        this.input = input;
        this.messages = messages;
    }

    @GetMapping("/note-check")
    String form(Model model) {
        model.addAttribute("limitMb", UploadTooLargeException.megabytes(input.maxBytes()));
        return "note-check";
    }

    @PostMapping("/note-check")
    String check(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
                 Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("limitMb", UploadTooLargeException.megabytes(input.maxBytes()));
        try {
            NoteChecker.Report report = checker.check(input.text(file, text));
            model.addAttribute("view", CheckView.of(report, messages, locale));
            if (file != null && !file.isEmpty()) {
                model.addAttribute("fileName", file.getOriginalFilename());
            }
        } catch (UserException e) {
            // Told on the form itself, so the user can pick another file at once.
            response.setStatus(e instanceof UploadTooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE.value()
                    : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            model.addAttribute("text", text);
        }
        return "note-check";
    }
}
