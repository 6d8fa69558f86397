package kz.agyn.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.i18n.Languages;
import kz.agyn.platform.menu.Menu;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame needs: the language, links to the same page in the other languages, the user, and the
 * parts kept as text ({@link PageFrames}) with the main menu the features contribute ({@link Menu}).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Menu menu;
    private final PageFrames frames;

    LayoutAdvice(Menu menu, PageFrames frames) {
        this.menu = menu;
        this.frames = frames;
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return Languages.CODES.contains(locale.getLanguage()) ? locale.getLanguage() : "kk";
    }

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String lang : Languages.CODES) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path.isEmpty() ? "/" : path);
            if (request.getQueryString() != null) {
                b.query(request.getQueryString());
            }
            b.replaceQueryParam("lang", lang);
            links.put(lang, b.build().toUriString());
        }
        return links;
    }

    /**
     * The parts of the frame kept as text per language, sign-in and menu links ({@link PageFrames}): the menu shows
     * the links the signed-in user's roles see, with the one for this address marked; a visitor sees no menu.
     */
    @ModelAttribute("frame")
    PageFrames.Frame frame(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        boolean signedIn = currentUser() != null;
        List<Menu.Link> links = signedIn
                ? menu.linksFor(currentRoles(), request.getRequestURI().substring(request.getContextPath().length()))
                : List.of();
        return frames.frame(new PageFrames.Key(lang(locale), signedIn, links), request, response);
    }

    @ModelAttribute("currentUser")
    String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
    }

    @ModelAttribute("currentRoles")
    Set<String> currentRoles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return Set.of();
        }
        // Role names without Spring's prefix, as the templates test them (the platform knows no feature's enum).
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
