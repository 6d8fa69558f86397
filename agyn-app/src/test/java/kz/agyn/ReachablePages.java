package kz.agyn;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every same-origin page a signed-in user reaches by following GET links from where they start (the home page, and
 * so the menu on it), as a browser session would: for tests that must hold on every page a role can see, not on a
 * list someone remembered to update.
 *
 * <p>It follows {@code <a href>} only (forms and htmx requests are actions or fragments, not pages), and leaves
 * out what is not a page to read: signing out, the language switch (the session's language is chosen by the
 * caller), downloads and exports, the API, static files and other sites. Pages of one kind (the same path once
 * numbers are blanked, with the same query parameter names) are visited at most {@link #PER_KIND} times, so a
 * list of 3,000 scholar cards costs two visits, and the whole crawl stops at {@code cap} pages.
 */
public final class ReachablePages {

    /** How many pages of one kind (path shape and parameter names) are worth reading. */
    public static final int PER_KIND = 2;

    /** Links that are not pages to read. */
    private static final Pattern SKIPPED = Pattern.compile(
            "^/(logout|api/|webjars/|css/|js/|img/|geo/|actuator|swagger|v3/)|"
                    + "\\.(csv|xlsx|json|png|svg|pdf|geojson|zip|txt)(\\?|$)|/(export|download)(s)?([/?.]|$)");

    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");

    private ReachablePages() {
    }

    /** One page as it was served: where, its status and its parsed body. */
    public record Page(String path, int status, Document document) {
    }

    /**
     * Crawls from {@code starts} with {@code client}'s session (its language and role), reading at most {@code cap}
     * pages; redirects are not followed (a link that redirects is noted with its status and no document).
     */
    public static List<Page> crawl(SignedInClient client, List<String> starts, int cap) {
        Deque<String> queue = new ArrayDeque<>(starts);
        Set<String> seen = new LinkedHashSet<>(starts);
        Map<String, Integer> perKind = new HashMap<>();
        List<Page> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < cap) {
            String path = queue.poll();
            HttpResponse<String> r = client.get(path);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200 || !type.startsWith("text/html")) {
                pages.add(new Page(path, r.statusCode(), null));
                continue;
            }
            Document doc = Jsoup.parse(r.body(), "http://localhost" + path);
            pages.add(new Page(path, r.statusCode(), doc));
            for (Element a : doc.select("a[href]")) {
                String next = sameOriginPage(a);
                if (next == null || !seen.add(next)) {
                    continue;
                }
                String kind = kind(next);
                if (perKind.merge(kind, 1, Integer::sum) <= PER_KIND) {
                    queue.add(next);
                }
            }
        }
        return pages;
    }

    /** The link's path and query when it is a page of this site worth reading, else null. */
    static String sameOriginPage(Element a) {
        if (a.hasAttr("download") || "_blank".equals(a.attr("target")) && a.attr("href").startsWith("http")) {
            return null;
        }
        String href = a.attr("href").strip();
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")
                || href.startsWith("javascript:")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(a.absUrl("href"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"localhost".equals(uri.getHost()) || uri.getPort() != -1 && !href.startsWith("/")
                && !href.startsWith("?") && !href.startsWith(".")) {
            return null;
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (path == null || SKIPPED.matcher(path).find()
                || query != null && query.matches("(.*&)?lang=.*")) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }

    /** The shape of a page: numbers in the path blanked, and the names (not values) of its query parameters. */
    public static String kind(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        StringBuilder kind = new StringBuilder(NUMBER.matcher(path).replaceAll("/#"));
        if (q >= 0) {
            for (String p : pathAndQuery.substring(q + 1).split("&")) {
                int eq = p.indexOf('=');
                kind.append(' ').append((eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT));
            }
        }
        return kind.toString();
    }
}
