package kz.agyn.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.upload.ContainerLimits;
import kz.agyn.platform.upload.UploadTooLargeException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a person sees when a form was larger than the servlet container takes (see {@link ContainerLimits},
 * which forwards here): the site's error page with 413 and the limit in their language.
 */
@Controller
class UploadTooLargeController {

    private final MessageSource messages;

    UploadTooLargeController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(ContainerLimits.PAGE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(UploadTooLargeException.STATUS);
        model.addAttribute("status", UploadTooLargeException.STATUS);
        Object exceeded = request.getAttribute(ContainerLimits.EXCEEDED_ATTRIBUTE);
        if (exceeded instanceof ContainerLimits.Exceeded x) {
            UploadTooLargeException e = x.asException();
            model.addAttribute("detail", messages.getMessage(e.code(), e.args(), locale));
        } else {
            model.addAttribute("detail", messages.getMessage("upload.tooLarge.page", null, locale));
        }
        return "error/4xx";
    }
}
