package kz.agyn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16: every page sent about 1.2 MB again on each visit. Static files are linked under addresses that carry a
 * hash of their content, served for a year as immutable and compressed; pages stay uncacheable. Over real HTTP,
 * since compression is the server's.
 */
class StaticAssetsTest extends AgynTest {

    static final Pattern ASSET = Pattern.compile("(?:href|src|data-geo)=\"(/(?:css|js|img|geo|webjars)/[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> fetch(String path, boolean gzip) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            r.header("Accept-Encoding", "gzip");
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> assets(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void aPagesAssetsAreFingerprintedImmutableAndCompressed() throws Exception {
        HttpResponse<byte[]> login = fetch("/login", true);
        assertThat(login.statusCode()).isEqualTo(200);
        // The page itself: never stored (a signed-in page may show personal data), compressed like any HTML.
        assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(login.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> assets = assets(html);
        assertThat(assets).anyMatch(a -> a.matches("/css/agyn-[0-9a-f]{32}\\.css"))
                .anyMatch(a -> a.matches("/js/agyn-[0-9a-f]{32}\\.js"))
                .anyMatch(a -> a.matches("/webjars/echarts/.*echarts\\.min-[0-9a-f]{32}\\.js"))
                .anyMatch(a -> a.matches("/webjars/htmx\\.org/.*htmx\\.min-[0-9a-f]{32}\\.js"))
                .allMatch(a -> StaticAssets.FINGERPRINTED.matcher(a).matches());

        for (String asset : assets) {
            HttpResponse<byte[]> r = fetch(asset, true);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(asset)
                    .hasValue("public, max-age=31536000, immutable");
        }
        String echarts = assets.stream().filter(a -> a.contains("echarts")).findFirst().orElseThrow();
        HttpResponse<byte[]> zipped = fetch(echarts, true);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<byte[]> plain = fetch(echarts, false);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        // ECharts is about 1 MB; compressed it is about a third of that.
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);

        // An address without the hash is still served, but revalidated rather than kept for a year.
        HttpResponse<byte[]> bare = fetch("/js/agyn.js", false);
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void theMapIsFingerprintedAndCompressedAsGeoJson() throws Exception {
        String home = mvc.perform(get("/").with(user("assets-viewer").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String geo = assets(home).stream().filter(a -> a.startsWith("/geo/")).findFirst().orElseThrow();
        assertThat(geo).matches("/geo/kz-regions-2024-[0-9a-f]{32}\\.geojson");
        HttpResponse<byte[]> r = fetch(geo, true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }
}
