package kz.agyn.platform.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.cache.RenderedFragments;
import kz.agyn.platform.i18n.Languages;
import kz.agyn.platform.menu.Menu;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * Every page's frame (frame.html: the CSRF meta tags, style sheet and scripts, the scripts' words, the brand, the
 * menu, the language links, the user with the sign-out form, the footer), rendered once per language, sign-in,
 * menu links and presence of a CSRF token, kept as text with holes for one request's own values, and filled per
 * request for layout.html to insert.
 *
 * <p>Why (issue 22, decision 0054): once the home page's and the explorer's content were kept as HTML (decision
 * 0049), rendering the frame around them was most of what a view of them cost: the menu's twenty links with their
 * messages and addresses, the static files' content-versioned addresses, the scripts' words, the language links.
 *
 * <p>Never another user's: the key is everything the template reads (the language, whether someone is signed in,
 * the menu's links with the one marked as where the user is, whether there is a CSRF token), and the template never
 * sees a value of one request: the user's name, the CSRF token and this address in the other languages are
 * rendered as markers, cut out of the kept text, and each request puts its own values, HTML-escaped, in their
 * place. Never stale: the menu entries and the messages are fixed for the process's life, and the frame shows no
 * data.
 */
@Component
class PageFrames {

    /** Everything the kept text depends on. */
    record Key(String lang, boolean signedIn, List<Menu.Link> menu, boolean csrf) {
        Key {
            menu = List.copyOf(menu);
        }
    }

    /** One request's own values, which the kept text has holes for. */
    enum Slot {
        CSRF_HEADER, CSRF_PARAMETER, CSRF_TOKEN, USER, HREF_KK, HREF_RU, HREF_EN;

        static Slot href(String lang) {
            return valueOf("HREF_" + lang.toUpperCase(Locale.ROOT));
        }
    }

    /** A kept text: the literal pieces, and between each two the slot whose value goes there. */
    record Holed(List<String> pieces, List<Slot> holes) {

        /** The text with these values, each escaped as Thymeleaf escapes text and attributes. */
        String fill(Map<Slot, String> values) {
            StringBuilder out = new StringBuilder(pieces.stream().mapToInt(String::length).sum() + 256);
            for (int i = 0; i < holes.size(); i++) {
                out.append(pieces.get(i));
                String value = values.get(holes.get(i));
                out.append(value == null ? "" : HtmlEscape.escapeHtml4Xml(value));
            }
            return out.append(pieces.get(pieces.size() - 1)).toString();
        }
    }

    /** The kept parts of one key: the end of the head, the header's content, and the footer. */
    record Frame(Holed head, Holed top, Holed bottom) {
    }

    /**
     * What layout.html inserts for one request, filled when the page asks for it, so that a request that renders
     * no page (the API, an htmx fragment) neither fills it nor makes the CSRF token that filling reads.
     */
    static final class Filled {
        private final Frame frame;
        private final Supplier<Map<Slot, String>> values;
        private Map<Slot, String> filled;

        Filled(Frame frame, Supplier<Map<Slot, String>> values) {
            this.frame = frame;
            this.values = values;
        }

        public String getHead() {
            return frame.head().fill(values());
        }

        public String getTop() {
            return frame.top().fill(values());
        }

        public String getBottom() {
            return frame.bottom().fill(values());
        }

        private Map<Slot, String> values() {
            if (filled == null) {
                filled = values.get();
            }
            return filled;
        }
    }

    /**
     * At most so many frames kept: three languages times the role sets' menus times the entry marked as current
     * (about twenty) plus none, with and without a token: a few hundred at most in practice, a few kilobytes each.
     */
    private static final long MAXIMUM_SIZE = 2_000;

    private final Cache<Key, Frame> frames = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).build();
    private final RenderedFragments fragments;
    /** The markers of the holes: random per process, so that no message or address can contain one by chance. */
    private final String marker = "agyn-slot-" + HexFormat.of().formatHex(randomBytes()) + "-";
    private final Pattern markers = Pattern.compile(Pattern.quote(marker) + "([A-Z_]+)-");

    PageFrames(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The frame for this key, rendered with this request's response (for the static files' versioned addresses). */
    Frame frame(Key key, HttpServletRequest request, HttpServletResponse response) {
        Frame kept = frames.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        Frame frame = render(key, request, response);
        // Kept only when rendered through the filter that gives static files their content-versioned addresses
        // (ResourceUrlEncodingFilter, registered by Spring Boot for ordinary requests and error pages): a frame
        // rendered on a forward or an include might lack them and would then be served to every page of its key.
        DispatcherType dispatch = request.getDispatcherType();
        if (dispatch == DispatcherType.REQUEST || dispatch == DispatcherType.ERROR) {
            frames.put(key, frame);
        }
        return frame;
    }

    private Frame render(Key key, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> hrefs = new LinkedHashMap<>();
        Languages.CODES.forEach(code -> hrefs.put(code, hole(Slot.href(code))));
        Map<String, Object> slot = Map.of("csrfHeader", hole(Slot.CSRF_HEADER),
                "csrfParameter", hole(Slot.CSRF_PARAMETER), "csrfToken", hole(Slot.CSRF_TOKEN),
                "user", hole(Slot.USER), "hrefs", hrefs);
        Map<String, Object> model = Map.of("lang", key.lang(), "signedIn", key.signedIn(), "menu", key.menu(),
                "csrf", key.csrf(), "languages", Languages.CODES, "slot", slot);
        Locale locale = Locale.forLanguageTag(key.lang());
        return new Frame(render("frame :: frameHead", model, locale, request, response),
                render("frame :: frameTop", model, locale, request, response),
                render("frame :: frameBottom", model, locale, request, response));
    }

    private String hole(Slot slot) {
        return marker + slot.name() + "-";
    }

    /** A fragment's HTML (without the blank lines around it) cut at its holes. */
    private Holed render(String fragment, Map<String, Object> model, Locale locale, HttpServletRequest request,
                         HttpServletResponse response) {
        String html = fragments.render(fragment, model, locale, request, response).strip();
        List<String> pieces = new ArrayList<>();
        List<Slot> holes = new ArrayList<>();
        Matcher m = markers.matcher(html);
        int from = 0;
        while (m.find()) {
            pieces.add(html.substring(from, m.start()));
            holes.add(Slot.valueOf(m.group(1)));
            from = m.end();
        }
        pieces.add(html.substring(from));
        return new Holed(List.copyOf(pieces), List.copyOf(holes));
    }

    /** One request's values for the holes. */
    static Map<Slot, String> values(String user, Map<String, String> languageLinks, String csrfHeader,
                                    String csrfParameter, String csrfToken) {
        Map<Slot, String> values = new EnumMap<>(Slot.class);
        values.put(Slot.USER, user);
        languageLinks.forEach((lang, href) -> values.put(Slot.href(lang), href));
        values.put(Slot.CSRF_HEADER, csrfHeader);
        values.put(Slot.CSRF_PARAMETER, csrfParameter);
        values.put(Slot.CSRF_TOKEN, csrfToken);
        return values;
    }
}
