package kz.agyn.warehouse.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.tabular.Format;

/**
 * What a fetched message is, before the import reads it: data, an agency's error answered with status 200 (some
 * services do), or something else (a web page, a structure message); and its digest without the header, by which
 * the same data fetched again are recognised although the header says when the message was prepared.
 */
final class MessageCheck {

    private static final int HEAD = 64 * 1024;
    /** Root elements of SDMX-ML data messages, 2.0 to 3.0. */
    private static final Set<String> DATA_ROOTS = Set.of("GenericData", "GenericTimeSeriesData",
            "StructureSpecificData", "StructureSpecificTimeSeriesData", "CompactData", "UtilityData",
            "CrossSectionalData", "MessageGroup");
    private static final Pattern ROOT = Pattern.compile("<(?![?!])(?:[\\w.-]+:)?([\\w.-]+)");
    private static final Pattern HEADER = Pattern.compile("<((?:[\\w.-]+:)?)Header[\\s>].*?</\\1Header\\s*>",
            Pattern.DOTALL);

    private MessageCheck() {
    }

    /** Refuses what is not an SDMX data message of {@code format}, quoting an agency's error where there is one. */
    static void sdmx(Path file, String contentType, SdmxFormat format, String url) {
        byte[] head = head(file);
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new SourceException(502, url, 200, null, "refresh.error.empty", url);
        }
        if (ErrorText.html(contentType, head)) {
            throw notData(url, "HTML", ErrorText.of(head));
        }
        if (text.startsWith("<")) {
            Matcher root = ROOT.matcher(text);
            String name = root.find() ? root.group(1) : "?";
            if (name.equals("Error")) {
                String said = ErrorText.of(head);
                throw new SourceException(502, url, 200, said, "refresh.error.agency", url, said == null ? "" : said);
            }
            if (format == SdmxFormat.GENERIC_21 && DATA_ROOTS.contains(name)) {
                return;
            }
            throw notData(url, "<" + name + ">", null);
        }
        if (format == SdmxFormat.CSV && Format.sniff(head, "message.csv") == Format.SDMX_CSV) {
            return;
        }
        String first = text.lines().findFirst().orElse("");
        throw notData(url, first.length() > 60 ? first.substring(0, 60) + "…" : first, ErrorText.of(head));
    }

    static SourceException notData(String url, String what, String said) {
        return said == null
                ? new SourceException(502, url, 200, null, "refresh.error.notData", url, what)
                : new SourceException(502, url, 200, said, "refresh.error.notDataSaid", url, what, said);
    }

    /**
     * SHA-256 of the message without the header of an SDMX-ML message (its ID and the time it was prepared change at
     * every request); of the whole file otherwise.
     */
    static String digest(Path file) {
        byte[] head = head(file);
        long skipFrom = -1;
        long skipTo = -1;
        String latin = new String(head, StandardCharsets.ISO_8859_1);
        if (latin.stripLeading().startsWith("<") || latin.startsWith("\u00EF\u00BB\u00BF<")) {
            Matcher m = HEADER.matcher(latin);
            if (m.find()) {
                // ISO-8859-1 maps byte i to char i, so the match's indices are byte offsets.
                skipFrom = m.start();
                skipTo = m.end();
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long at = 0;
                for (int n; (n = in.read(buffer)) > 0; at += n) {
                    // The part of [at, at + n) outside [skipFrom, skipTo): before it, then after it.
                    long end = at + n;
                    long before = skipFrom < 0 ? end : Math.min(end, skipFrom);
                    if (before > at) {
                        sha.update(buffer, 0, (int) (before - at));
                    }
                    long after = skipTo < 0 ? end : Math.max(at, skipTo);
                    if (skipTo >= 0 && after < end) {
                        sha.update(buffer, (int) (after - at), (int) (end - after));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
