package kz.agyn.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.cache.RenderedFragments;
import kz.agyn.platform.menu.Menu;
import org.springframework.stereotype.Component;

/**
 * The parts of every page's frame that are the same for everyone with the same language, sign-in and menu links
 * (frame.html: the style sheet and scripts, the scripts' words, the brand, the menu, the footer), rendered once per
 * such key and kept as text for layout.html to insert.
 *
 * <p>Why (issue 22, decision 0054): once the home page's and the explorer's content were kept as HTML (decision
 * 0049), rendering the frame around them was most of what a view of them cost: the menu's twenty links with their
 * messages and addresses, the static files' content-versioned addresses, the scripts' words.
 *
 * <p>Never another user's: the key is everything the fragments read (the language, whether someone is signed in, the
 * menu's links with the one marked as where the user is), and the fragments read nothing else of the request: the
 * user's name, the language links of this address and the sign-out form with its CSRF token stay in layout.html,
 * rendered per request. Never stale: the menu entries and the messages are fixed for the process's life, and the
 * frame shows no data.
 */
@Component
class PageFrames {

    /** What layout.html inserts as text: the end of the head, the start of the header, and the footer. */
    record Frame(String head, String top, String bottom) {
    }

    /** Everything the kept parts depend on. */
    record Key(String lang, boolean signedIn, List<Menu.Link> menu) {
        Key {
            menu = List.copyOf(menu);
        }
    }

    /**
     * At most so many frames kept: three languages times the role sets' menus times the entry marked as current
     * (about twenty) plus none: a few hundred at most in practice, a few kilobytes each.
     */
    private static final long MAXIMUM_SIZE = 2_000;

    private final Cache<Key, Frame> frames = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).build();
    private final RenderedFragments fragments;

    PageFrames(RenderedFragments fragments) {
        this.fragments = fragments;
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
        Map<String, Object> model = Map.of("lang", key.lang(), "signedIn", key.signedIn(), "menu", key.menu());
        Locale locale = Locale.forLanguageTag(key.lang());
        return new Frame(render("frame :: frameHead", model, locale, request, response),
                render("frame :: frameTop", model, locale, request, response),
                render("frame :: frameBottom", model, locale, request, response));
    }

    /** A fragment's HTML without the blank lines around it, which layout.html's own indentation replaces. */
    private String render(String fragment, Map<String, Object> model, Locale locale, HttpServletRequest request,
                          HttpServletResponse response) {
        return fragments.render(fragment, model, locale, request, response).strip();
    }
}
