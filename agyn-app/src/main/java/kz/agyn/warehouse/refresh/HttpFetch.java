package kz.agyn.warehouse.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLException;

import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;

/**
 * One GET of an agency's service with a connect and a read timeout, the body streamed to a file as it comes, within
 * the import's size limit. What can go wrong is told apart, because each asks something different of the analyst: an
 * error status (with the agency's own text quoted), no answer in time, a host that cannot be reached. The JDK's
 * connection is used rather than sdmx-dl's client, whose error carries the status but drops the body where the agency
 * says what is wrong (docs/decisions/0019-refresh-connectors-and-sdmx-dl.md). Proxies come from the JVM's settings
 * ({@code -Dhttps.proxyHost=…}, or {@code -Djava.net.useSystemProxies=true}).
 */
final class HttpFetch {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;

    HttpFetch(Duration connectTimeout, Duration readTimeout, String userAgent) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.userAgent = userAgent;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** What answered: its content type and the body, received into a file. */
    record Fetched(Upload body, String contentType) {
    }

    /** Fetches {@code url} into a received file named {@code name}; at most {@code maxBytes}. */
    Fetched get(URL url, String accept, Uploads uploads, String name, long maxBytes) {
        HttpURLConnection c = open(url, accept);
        try (InputStream in = body(c)) {
            return new Fetched(uploads.receive(in, name, maxBytes), c.getContentType());
        } catch (UncheckedIOException e) {
            throw failure(url, e.getCause(), true);
        } catch (IOException e) {
            throw failure(url, e, true);
        } finally {
            c.disconnect();
        }
    }

    /** Fetches {@code url} into memory (a World Bank page); at most {@code maxBytes}. */
    byte[] bytes(URL url, String accept, long maxBytes) {
        HttpURLConnection c = open(url, accept);
        try (InputStream in = body(c)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new kz.agyn.platform.upload.UploadTooLargeException(url.getPath(), maxBytes);
            }
            return b;
        } catch (IOException e) {
            throw failure(url, e, true);
        } finally {
            c.disconnect();
        }
    }

    /** The connection with a 2xx answer, or the reason there is none. */
    private HttpURLConnection open(URL url, String accept) {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) url.openConnection();
        } catch (IOException | ClassCastException e) {
            throw new SourceException(502, url.toString(), null, null, "refresh.error.io", url.toString(),
                    String.valueOf(e.getMessage()));
        }
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) readTimeout.toMillis());
        // Redirects within the same scheme only: the JDK never follows https to http.
        c.setInstanceFollowRedirects(true);
        c.setRequestProperty("Accept", accept);
        c.setRequestProperty("Accept-Encoding", "gzip");
        c.setRequestProperty("User-Agent", userAgent);
        try {
            c.connect();
        } catch (IOException e) {
            c.disconnect();
            throw failure(url, e, false);
        }
        int status;
        try {
            status = c.getResponseCode();
        } catch (IOException e) {
            c.disconnect();
            throw failure(url, e, true);
        }
        if (status < 200 || status > 299) {
            byte[] error = errorBody(c);
            c.disconnect();
            String text = ErrorText.of(error);
            String reason = c.getHeaderField(0);
            throw text != null
                    ? new SourceException(502, url.toString(), status, text, "refresh.error.status", status,
                            url.toString(), text)
                    : new SourceException(502, url.toString(), status, null, "refresh.error.statusNoText", status,
                            url.toString(), reason == null ? "" : reason);
        }
        return c;
    }

    private static InputStream body(HttpURLConnection c) throws IOException {
        InputStream in = c.getInputStream();
        return "gzip".equalsIgnoreCase(c.getContentEncoding()) ? new GZIPInputStream(in) : in;
    }

    /** The first 64 KB of an error answer, where the agency says what is wrong; none when it cannot be read. */
    private static byte[] errorBody(HttpURLConnection c) {
        try (InputStream raw = c.getErrorStream()) {
            if (raw == null) {
                return new byte[0];
            }
            InputStream in = "gzip".equalsIgnoreCase(c.getContentEncoding()) ? new GZIPInputStream(raw) : raw;
            return in.readNBytes(ErrorText.MAX_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** An I/O failure as the analyst should read it; {@code connected}: it happened after the connection was made. */
    private SourceException failure(URL url, Throwable e, boolean connected) {
        String u = url.toString();
        if (e instanceof SocketTimeoutException) {
            return connected
                    ? new SourceException(504, u, null, null, "refresh.error.readTimeout", seconds(readTimeout), u)
                    : new SourceException(504, u, null, null, "refresh.error.connectTimeout",
                            seconds(connectTimeout), u);
        }
        if (e instanceof UnknownHostException) {
            return new SourceException(502, u, null, null, "refresh.error.unknownHost", url.getHost(), u);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new SourceException(502, u, null, null, "refresh.error.unreachable", url.getHost(), u,
                    String.valueOf(e.getMessage()));
        }
        if (e instanceof SSLException) {
            return new SourceException(502, u, null, null, "refresh.error.tls", url.getHost(), u,
                    String.valueOf(e.getMessage()));
        }
        return new SourceException(502, u, null, null, "refresh.error.io", u,
                e == null ? "" : e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000)
                : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
