package kz.agyn.warehouse.refresh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agency's own words in an error answer, to quote to the analyst: an SDMX-ML error message
 * ({@code <ErrorMessage code="100"><Text>No Results Found</Text>}), an SDMX-JSON or World Bank JSON error, the
 * title of a web page, or the first line of plain text. Read from at most the first 64 KB of the answer; never more
 * than 300 characters, without markup.
 */
final class ErrorText {

    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_CHARS = 300;

    private static final Pattern SDMX_MESSAGE = Pattern.compile(
            "<(?:\\w+:)?ErrorMessage\\b([^>]*)>(.*?)</(?:\\w+:)?ErrorMessage>", Pattern.DOTALL);
    private static final Pattern SDMX_TEXT = Pattern.compile("<(?:\\w+:)?Text\\b[^>]*>(.*?)</(?:\\w+:)?Text>",
            Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\bcode\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** "value":"…", "detail":"…", "title":"…", "message":"…" of a JSON error: the World Bank's and SDMX-JSON's. */
    private static final Pattern JSON_TEXT = Pattern.compile(
            "\"(value|detail|title|message|key)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,400})\"");

    private ErrorText() {
    }

    /** The agency's words, or null when the answer has none worth quoting. */
    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, MAX_BYTES), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = SDMX_MESSAGE.matcher(text);
        List<String> parts = new ArrayList<>();
        while (m.find() && parts.size() < 3) {
            Matcher t = SDMX_TEXT.matcher(m.group(2));
            String words = t.find() ? clean(t.group(1)) : clean(m.group(2));
            Matcher code = CODE.matcher(m.group(1));
            parts.add(code.find() && !code.group(1).isBlank() ? code.group(1) + " " + words : words);
        }
        if (!parts.isEmpty()) {
            return cut(String.join("; ", parts));
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            Matcher j = JSON_TEXT.matcher(text);
            String key = null;
            String best = null;
            while (j.find()) {
                String v = unescape(j.group(2));
                if (j.group(1).equals("key")) {
                    key = v;
                } else if (best == null || j.group(1).equals("value") || j.group(1).equals("detail")) {
                    best = v;
                }
            }
            String out = best != null ? (key != null && !best.startsWith(key) ? key + ": " + best : best) : key;
            return out == null ? null : cut(out);
        }
        if (text.startsWith("<")) {
            Matcher t = TITLE.matcher(text);
            if (t.find()) {
                return cut(clean(t.group(1)));
            }
            String bare = clean(text);
            return bare.isEmpty() ? null : cut(bare);
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return first.isEmpty() ? null : cut(first.strip());
    }

    /** Markup and runs of white space out, the five XML entities back. */
    private static String clean(String s) {
        return s.replaceAll("(?s)<!\\[CDATA\\[(.*?)]]>", "$1").replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\/", "/").replace("\\n", " ").replace("\\\\", "\\").strip();
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS - 1) + "…";
    }

    /** Whether a content type is a web page (an error page, a log-in page, a portal in front of the service). */
    static boolean html(String contentType, byte[] head) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("html")) {
            return true;
        }
        String h = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return h.startsWith("<!doctype html") || h.startsWith("<html");
    }
}
