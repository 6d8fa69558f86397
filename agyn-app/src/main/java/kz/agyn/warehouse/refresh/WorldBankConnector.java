package kz.agyn.warehouse.refresh;

import java.io.ByteArrayInputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.warehouse.ImportException;

/**
 * The World Bank's Indicators API v2: {@code {base}/country/{KAZ;RUS|all}/indicator/{id}?format=json&per_page=…
 * &page=…&date=2000:2024}, every page fetched, then written as Agyn's observations CSV by {@link WorldBankJson}.
 */
final class WorldBankConnector {

    /** The largest page asked for: one page holds every year of every country for most queries. */
    static final int PER_PAGE = 20_000;
    /** A query of more pages than this is refused rather than fetched for minutes. */
    private static final int MAX_PAGES = 200;

    private WorldBankConnector() {
    }

    static URL url(DatasetSource s, Agency agency, int page, int perPage) {
        String base = s.baseUrl() != null ? s.baseUrl() : agency == null ? null : agency.endpoint();
        if (base == null) {
            throw new ImportException("refresh.source.noAddress");
        }
        String indicator = indicator(s.flow());
        String countries = countries(s.key());
        StringBuilder q = new StringBuilder(base.replaceAll("/+$", ""))
                .append("/country/").append(countries).append("/indicator/").append(indicator)
                .append("?format=json&per_page=").append(perPage).append("&page=").append(page);
        if (s.startPeriod() != null || s.endPeriod() != null) {
            q.append("&date=").append(s.startPeriod() != null ? s.startPeriod() : "1960").append(':')
                    .append(s.endPeriod() != null ? s.endPeriod() : Integer.toString(Year.now().getValue()));
        }
        try {
            return new URI(q.toString()).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new ImportException("refresh.source.badUrl", base);
        }
    }

    static String indicator(String flow) {
        if (flow == null || !flow.trim().matches("[A-Za-z0-9_.]{2,80}")) {
            throw new ImportException("refresh.source.badIndicator", flow == null ? "" : flow);
        }
        return flow.trim();
    }

    static String countries(String key) {
        if (key == null || key.isBlank() || key.trim().equalsIgnoreCase("all")) {
            return "all";
        }
        String k = key.trim().toUpperCase(Locale.ROOT).replace(',', ';').replace(" ", "");
        if (!k.matches("[A-Z0-9]{2,3}(;[A-Z0-9]{2,3})*")) {
            throw new ImportException("refresh.source.badCountries", key);
        }
        return k;
    }

    static Message fetch(DatasetSource s, Agency agency, HttpFetch http, Uploads uploads, long maxBytes,
                         WorldBankJson reader, int perPage) {
        List<WorldBankJson.Page> pages = new ArrayList<>();
        URL first = url(s, agency, 1, perPage);
        long total = 0;
        int page = 1;
        int last = 1;
        do {
            URL url = url(s, agency, page, perPage);
            byte[] body = http.bytes(url, "application/json", maxBytes - total);
            total += body.length;
            WorldBankJson.Page p = reader.page(body, url.toString());
            pages.add(p);
            last = Math.min(p.pages(), MAX_PAGES);
            page++;
        } while (page <= last);
        WorldBankJson.Converted csv = reader.convert(pages);
        String name = "WB " + indicator(s.flow()) + " " + countries(s.key()).replace(';', '+') + ".csv";
        Upload upload = uploads.receive(new ByteArrayInputStream(csv.csv()), name, maxBytes);
        // The CSV is written the same way from the same data, so its digest is the data's.
        return new Message(upload, "csv", first.toString(), upload.sha256(), csv.withoutValue(),
                csv.aggregateRows(), csv.aggregates());
    }
}
