package kz.agyn.iin.web;

import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
@Tag(name = "IIN", description = "Check a Kazakhstan individual identification number")
class IinCheckController {

    private final MessageSource messages;

    IinCheckController(MessageSource messages) {
        this.messages = messages;
    }

    /** The request body of the check; a record so that the IIN never appears in a URL. */
    record CheckRequest(String iin) {
    }

    /**
     * The answer. {@code reason} is a stable code (LENGTH, NOT_DIGITS, CENTURY_SEX, BIRTH_DATE, CHECK_DIGIT,
     * EMPTY); {@code message} says the same in the request's language.
     */
    record CheckResponse(boolean valid, String reason, String message, LocalDate birthDate, String sex) {
    }

    @PostMapping(path = "/api/v1/iin/check", consumes = "application/json", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Check an IIN", description = "Body: {\"iin\": \"...\"}. Answers whether it is valid "
            + "(length, digits, century/sex digit, birth date, two-pass mod-11 check digit) and, if so, the "
            + "birth date and sex it encodes. Use Accept-Language (kk, ru, en) for the message.")
    CheckResponse check(@RequestBody(required = false) CheckRequest request, Locale locale) {
        return answer(request == null ? null : request.iin(), locale);
    }

    @GetMapping("/iin")
    String page() {
        return "iin";
    }

    @PostMapping("/iin")
    String checkForm(@RequestParam(required = false) String iin,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        model.addAttribute("result", answer(iin, locale));
        return htmx != null ? "iin :: result" : "iin";
    }

    private CheckResponse answer(String text, Locale locale) {
        IinCheck check = Iin.check(text);
        if (check.valid()) {
            return new CheckResponse(true, null, messages.getMessage("iin.valid", null, locale), check.birthDate(),
                    check.sex().name());
        }
        String reason = check.reason().name();
        return new CheckResponse(false, reason, messages.getMessage("iin.reason." + reason, null, locale), null, null);
    }
}
