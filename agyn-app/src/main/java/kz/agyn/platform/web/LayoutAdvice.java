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
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's frame needs: the language, the user and their roles, and the frame itself ({@link PageFrames}:
 * kept as text with the main menu the features contribute, {@link Menu}, and filled with the user, the CSRF token
 * and the links to the same page in the other languages).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /** Where Spring Security's CSRF filter puts the request's token, as the templates read it ({@code ${_csrf}}). */
    private static final String CSRF_ATTRIBUTE = "_csrf";
    private static final String FRAME_ATTRIBUTE = "frame";

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

    /** This address in each language. */
    private static Map<String, String> languageLinks(HttpServletRequest request) {
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
     * The frame ({@link PageFrames}): its kept text for this language, sign-in and menu (the links the signed-in
     * user's roles see, the one for this address marked; a visitor sees no menu), filled with this request's user,
     * CSRF token and language links when the page inserts it.
     */
    @ModelAttribute(FRAME_ATTRIBUTE)
    PageFrames.Filled frame(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String user = currentUser();
        List<Menu.Link> links = user != null
                ? menu.linksFor(currentRoles(), request.getRequestURI().substring(request.getContextPath().length()))
                : List.of();
        // Whether the request has a token decides only whether the frame has places for it; the token itself is
        // read (and, for a new session, made) only when a page fills the frame, as the template did before.
        boolean csrf = request.getAttribute(CSRF_ATTRIBUTE) instanceof CsrfToken;
        PageFrames.Frame kept = frames.frame(new PageFrames.Key(lang(locale), user != null, links, csrf), request,
                response);
        PageFrames.Filled frame = new PageFrames.Filled(kept, () -> {
            CsrfToken token = csrf ? (CsrfToken) request.getAttribute(CSRF_ATTRIBUTE) : null;
            return PageFrames.values(user, languageLinks(request), token == null ? null : token.getHeaderName(),
                    token == null ? null : token.getParameterName(), token == null ? null : token.getToken());
        });
        // Also where a page rendered by an exception handler finds it (ApiErrors' error pages): such a handler
        // starts a new model, but a template reads the request's attributes as variables too.
        request.setAttribute(FRAME_ATTRIBUTE, frame);
        return frame;
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
