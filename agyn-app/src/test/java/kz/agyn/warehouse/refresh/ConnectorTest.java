package kz.agyn.warehouse.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.agyn.platform.upload.Uploads;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.refresh.RecordedSource.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connectors against recorded answers served on 127.0.0.1: a real ECB SDMX-ML message, a World Bank page with
 * years without a value, error answers (an SDMX error message with 404, the World Bank's error with 200, a web page),
 * an answer slower than the read timeout, and a host that refuses the connection. No database: the connectors need
 * only a folder for what they receive.
 */
class ConnectorTest {

    private static final String ECB_PATH = "/service/data/ECB,AME,1.0/A.BEL.1.0.0.0.OVGD/all";
    private static final long MAX = 10L << 20;

    @TempDir
    Path home;

    RecordedSource source;
    Uploads uploads;
    HttpFetch http;
    Agencies agencies = new Agencies();

    @BeforeEach
    void start() {
        source = new RecordedSource();
        uploads = new Uploads(home.resolve("uploads"));
        http = new HttpFetch(Duration.ofSeconds(2), Duration.ofMillis(700), "Agyn-test");
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private DatasetSource sdmx(String flow, String key, String start, String end, SdmxFormat format) {
        return new DatasetSource("d", SourceKind.SDMX_REST, null, source.base() + "/service", flow, key, start, end,
                format, null, null, null, null);
    }

    private DatasetSource worldBank(String countries, String start, String end) {
        return new DatasetSource("d", SourceKind.WORLD_BANK, Agencies.WORLD_BANK_API, source.base() + "/v2",
                "SP.POP.TOTL", countries, start, end, null, null, null, null, null);
    }

    @Test
    void anSdmxMessageArrivesByteForByteWithTheQueryTheStandardDefines() throws Exception {
        byte[] recorded = RecordedSource.recording("ecb-ame-generic21.xml");
        source.answer(ECB_PATH, Answer.ok("application/vnd.sdmx.genericdata+xml;version=2.1", recorded));
        try (Message m = SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", "1960", "1964", null),
                null, http, uploads, MAX)) {
            assertThat(Files.readAllBytes(m.upload().file())).isEqualTo(recorded);
            assertThat(m.format()).isEqualTo("sdmx-ml");
            assertThat(m.url()).isEqualTo(source.base() + "/service/data/ECB%2CAME%2C1.0/A.BEL.1.0.0.0.OVGD/all"
                    + "?startPeriod=1960&endPeriod=1964");
            assertThat(m.upload().name()).isEqualTo("SDMX AME A.BEL.1.0.0.0.OVGD.xml");
        }
        RecordedSource.Request r = source.requests().get(0);
        assertThat(r.path()).isEqualTo(ECB_PATH);
        assertThat(r.query()).isEqualTo("startPeriod=1960&endPeriod=1964");
        assertThat(r.accept()).isEqualTo("application/vnd.sdmx.genericdata+xml;version=2.1");
    }

    @Test
    void theSameDataPreparedAtAnotherTimeHaveTheSameDigestAndOtherDataAnother() throws Exception {
        String recorded = new String(RecordedSource.recording("ecb-ame-generic21.xml"), StandardCharsets.UTF_8);
        String later = recorded.replace("2015-06-25T16:00:56.058+02:00</message:Prepared>",
                "2026-01-02T03:04:05</message:Prepared>").replace("a785f26f-6131-4a7e-8f13-282ae9e0814a", "other-id");
        String revised = recorded.replace("\"96.591\"", "\"96.592\"");
        String[] digests = new String[3];
        int i = 0;
        for (String body : List.of(recorded, later, revised)) {
            source.answer(ECB_PATH, Answer.ok("application/xml", body.getBytes(StandardCharsets.UTF_8)));
            try (Message m = SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null, null),
                    null, http, uploads, MAX)) {
                digests[i++] = m.digest();
            }
        }
        assertThat(digests[1]).isEqualTo(digests[0]);
        assertThat(digests[2]).isNotEqualTo(digests[0]);
    }

    @Test
    void sdmxCsvIsAskedForByItsMediaType() {
        String csv = "DATAFLOW,FREQ,GEO,TIME_PERIOD,OBS_VALUE\nESTAT:MIGR_EMI1CTZ(1.0),A,KZ,2022,1\n";
        source.answer("/service/data/all,migr_emi1ctz,latest/A..KZ/all",
                Answer.ok("application/vnd.sdmx.data+csv", csv.getBytes(StandardCharsets.UTF_8)));
        try (Message m = SdmxRestConnector.fetch(sdmx("migr_emi1ctz", "A..KZ", null, null, SdmxFormat.CSV), null,
                http, uploads, MAX)) {
            assertThat(m.format()).isEqualTo("sdmx-csv");
        }
        assertThat(source.requests().get(0).accept()).isEqualTo("application/vnd.sdmx.data+csv;version=1.0.0");
    }

    @Test
    void anErrorStatusQuotesTheAgencysOwnErrorMessage() {
        source.answer(ECB_PATH, new Answer(404, "application/xml",
                RecordedSource.recording("sdmx-error-404-no-results.xml"), 0));
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.status");
                    assertThat(e.sourceStatus()).isEqualTo(404);
                    assertThat(e.gatewayStatus()).isEqualTo(502);
                    assertThat(e.agencyText()).isEqualTo("100 No Results Found");
                    assertThat(e.args()).contains(404, "100 No Results Found");
                });
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void aBadRequestAnsweredWithAWebPageQuotesItsTitle() {
        source.answer(ECB_PATH, new Answer(400, "text/html", ("<html><head><title>400 Bad Request: Invalid key"
                + "</title></head><body>…</body></html>").getBytes(StandardCharsets.UTF_8), 0));
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.sourceStatus()).isEqualTo(400);
                    assertThat(e.agencyText()).isEqualTo("400 Bad Request: Invalid key");
                });
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeoutNotAHang() {
        source.answer(ECB_PATH, new Answer(200, "application/xml", RecordedSource.recording("ecb-ame-generic21.xml"),
                3_000));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.readTimeout");
                    assertThat(e.gatewayStatus()).isEqualTo(504);
                    assertThat(e.args()[0]).isEqualTo("0.7");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aHostThatRefusesTheConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DatasetSource s = new DatasetSource("d", SourceKind.SDMX_REST, null, "http://127.0.0.1:" + port + "/rest",
                "ECB,AME,1.0", null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> SdmxRestConnector.fetch(s, null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.unreachable");
                    assertThat(e.sourceStatus()).isNull();
                });
    }

    /**
     * A host that takes no connection at all (a firewall that drops packets, a dead proxy): the connect timeout, not a
     * hang. Made on 127.0.0.1 with a listening socket whose accept queue is full and never read: the kernel drops
     * further connection attempts, so a client waits as for a silent host.
     */
    @Test
    void aHostThatNeverAnswersTheConnectionIsAConnectTimeout() throws Exception {
        java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
        List<java.net.Socket> queued = new java.util.ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, loopback)) {
            boolean full = false;
            for (int i = 0; i < 16 && !full; i++) {
                java.net.Socket c = new java.net.Socket();
                try {
                    c.connect(new java.net.InetSocketAddress(loopback, silent.getLocalPort()), 300);
                    queued.add(c);
                } catch (java.net.SocketTimeoutException e) {
                    full = true;
                    c.close();
                }
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(full, "this system accepts connections past the backlog");
            HttpFetch quick = new HttpFetch(Duration.ofMillis(500), Duration.ofSeconds(5), "Agyn-test");
            DatasetSource s = new DatasetSource("d", SourceKind.SDMX_REST, null,
                    "http://127.0.0.1:" + silent.getLocalPort() + "/rest", "ECB,AME,1.0", null, null, null, null,
                    null, null, null, null);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> SdmxRestConnector.fetch(s, null, quick, uploads, MAX))
                    .isInstanceOfSatisfying(SourceException.class, e -> {
                        assertThat(e.code()).isEqualTo("refresh.error.connectTimeout");
                        assertThat(e.gatewayStatus()).isEqualTo(504);
                        assertThat(e.args()[0]).isEqualTo("0.5");
                        assertThat(e.url()).startsWith("http://127.0.0.1:" + silent.getLocalPort() + "/rest/data/");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4_000));
        } finally {
            for (java.net.Socket c : queued) {
                c.close();
            }
        }
    }

    /** A name that resolves to nothing (".invalid" never does, RFC 2606): said as such, with the host. */
    @Test
    void anUnknownHostIsSaidWithItsName() {
        DatasetSource s = new DatasetSource("d", SourceKind.SDMX_REST, null, "http://sdmx.agency.invalid/rest",
                "ECB,AME,1.0", null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> SdmxRestConnector.fetch(s, null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.unknownHost");
                    assertThat(e.gatewayStatus()).isEqualTo(502);
                    assertThat(e.args()[0]).isEqualTo("sdmx.agency.invalid");
                    assertThat(e.sourceStatus()).isNull();
                });
    }

    /**
     * With {@code structure}, the dataflow and everything it references is fetched after the data, as the agency
     * answers it, for the import to read: {@code /dataflow/AGENCY/ID/VERSION?references=all}.
     */
    @Test
    void theStructureIsFetchedBesideTheDataWhenAsked() throws Exception {
        byte[] recorded = RecordedSource.recording("ecb-ame-generic21.xml");
        byte[] dsd = RecordedSource.recording("/kz/agyn/tabular/sdmx/structure/ecb-ame1-structure21.xml");
        source.answer(ECB_PATH, Answer.ok("application/vnd.sdmx.genericdata+xml;version=2.1", recorded));
        source.answer("/service/dataflow/ECB/AME/1.0", Answer.ok("application/vnd.sdmx.structure+xml;version=2.1",
                dsd));
        DatasetSource s = new DatasetSource("d", SourceKind.SDMX_REST, null, source.base() + "/service",
                "ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null, null, null, null, null, null, true);
        assertThat(SdmxRestConnector.structureUrl(s, null).toString())
                .isEqualTo(source.base() + "/service/dataflow/ECB/AME/1.0?references=all");
        try (Message m = SdmxRestConnector.fetch(s, null, http, uploads, MAX)) {
            assertThat(Files.readAllBytes(m.upload().file())).isEqualTo(recorded);
            assertThat(m.structure()).isNotNull();
            assertThat(Files.readAllBytes(m.structure().file())).isEqualTo(dsd);
        }
        RecordedSource.Request r = source.requests().get(1);
        assertThat(r.path()).isEqualTo("/service/dataflow/ECB/AME/1.0");
        assertThat(r.query()).isEqualTo("references=all");
        assertThat(r.accept()).startsWith("application/vnd.sdmx.structure+xml;version=2.1");

        // Without structure (the default) nothing more is asked.
        try (Message m = SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null, null), null,
                http, uploads, MAX)) {
            assertThat(m.structure()).isNull();
        }
        assertThat(source.requests()).hasSize(3);
    }

    /** An agency that answers the data but fails the structure fails the refresh, quoting what it said. */
    @Test
    void aStructureTheAgencyRefusesFailsTheRefreshWithItsWords() {
        source.answer(ECB_PATH, Answer.ok("application/xml", RecordedSource.recording("ecb-ame-generic21.xml")));
        source.answer("/service/dataflow/ECB/AME/1.0", new Answer(404, "application/xml",
                RecordedSource.recording("sdmx-error-404-no-results.xml"), 0));
        DatasetSource s = new DatasetSource("d", SourceKind.SDMX_REST, null, source.base() + "/service",
                "ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null, null, null, null, null, null, true);
        assertThatThrownBy(() -> SdmxRestConnector.fetch(s, null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.status");
                    assertThat(e.sourceStatus()).isEqualTo(404);
                    assertThat(e.url()).contains("/dataflow/ECB/AME/1.0");
                    assertThat(e.agencyText()).contains("No Results Found");
                });
    }

    @Test
    void whatIsNotADataMessageIsSaidSo() {
        source.answer(ECB_PATH, Answer.ok("text/html", "<!DOCTYPE html><html><head><title>Service maintenance</title>"
                .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.notDataSaid");
                    assertThat(e.agencyText()).isEqualTo("Service maintenance");
                });
        // An SDMX error message answered with 200, as some services do.
        source.answer(ECB_PATH, Answer.ok("application/xml", RecordedSource.recording("sdmx-error-404-no-results.xml")));
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.agency");
                    assertThat(e.agencyText()).isEqualTo("100 No Results Found");
                });
        // A structure message is not data.
        source.answer(ECB_PATH, Answer.ok("application/xml", ("<?xml version=\"1.0\"?><mes:Structure xmlns:mes="
                + "\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"/>").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SdmxRestConnector.fetch(sdmx("ECB,AME,1.0", "A.BEL.1.0.0.0.OVGD", null, null,
                null), null, http, uploads, MAX))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.notData");
                    assertThat(e.args()[1]).isEqualTo("<Structure>");
                });
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void worldBankPagesBecomeAgynsCsvWithTheValuesAsWrittenAndEmptyYearsLeftOut() throws Exception {
        source.answer("/v2/country/KAZ;RUS/indicator/SP.POP.TOTL",
                Answer.ok("application/json;charset=utf-8", RecordedSource.recording("wb-sp-pop-totl-kaz-rus.json")));
        try (Message m = WorldBankConnector.fetch(worldBank("KAZ;RUS", "2021", "2025"),
                agencies.find(Agencies.WORLD_BANK_API).orElseThrow(), http, uploads, MAX,
                new WorldBankJson(JsonMapper.builder().build(), Map.of("KAZ", "KZ", "RUS", "RU")), 20_000)) {
            assertThat(Files.readString(m.upload().file())).isEqualTo(WorldBankJson.HEADER + """
                    POPULATION_MIDYEAR,2024,KZ,,,KZ,,,,20592571,,
                    POPULATION_MIDYEAR,2023,KZ,,,KZ,,,,20330104,,
                    POPULATION_MIDYEAR,2022,KZ,,,KZ,,,,20034609,,
                    POPULATION_MIDYEAR,2021,KZ,,,KZ,,,,19743603,,
                    POPULATION_MIDYEAR,2024,KZ,,,RU,,,,143533851,,
                    POPULATION_MIDYEAR,2023,KZ,,,RU,,,,143826130,,
                    POPULATION_MIDYEAR,2022,KZ,,,RU,,,,144236933,,
                    POPULATION_MIDYEAR,2021,KZ,,,RU,,,,144746762,,
                    """);
            assertThat(m.withoutValue()).isEqualTo(2);
            assertThat(m.format()).isEqualTo("csv");
            assertThat(m.digest()).isEqualTo(m.upload().sha256());
        }
        assertThat(source.requests().get(0).query()).isEqualTo("format=json&per_page=20000&page=1&date=2021:2025");
    }

    @Test
    void worldBankDecimalsExponentsGroupsAndPagesAreHandledWithoutDoubles() throws Exception {
        String row = "{\"indicator\":{\"id\":\"%s\",\"value\":\"x\"},\"country\":{\"id\":\"%s\",\"value\":\"%s\"},"
                + "\"countryiso3code\":\"%s\",\"date\":\"%s\",\"value\":%s,\"unit\":\"\",\"obs_status\":\"\","
                + "\"decimal\":1}";
        String page1 = "[{\"page\":1,\"pages\":2,\"per_page\":2,\"total\":3},["
                + String.format(row, "PA.NUS.PPP", "BY", "Belarus", "BLR", "1992", "8.14013304708237E-09") + ","
                + String.format(row, "NY.GDP.MKTP.CD", "KZ", "Kazakhstan", "KAZ", "2022", "225496328925.460000001")
                + "]]";
        String page2 = "[{\"page\":2,\"pages\":2,\"per_page\":2,\"total\":3},["
                + String.format(row, "NY.GDP.MKTP.CD", "1W", "World", "WLD", "2022", "100890000000000") + ","
                + String.format(row, "NY.GDP.MKTP.CD", "ZG", "Sub-Saharan Africa", "", "2022", "1") + ","
                + String.format(row, "SL.XYZ", "KZ", "Kazakhstan", "KAZ", "2023Q2", "12.50") + "]]";
        WorldBankJson reader = new WorldBankJson(JsonMapper.builder().build(), Map.of("KAZ", "KZ", "BLR", "BY"));
        WorldBankJson.Converted c = reader.convert(List.of(reader.page(page1.getBytes(StandardCharsets.UTF_8), "u"),
                reader.page(page2.getBytes(StandardCharsets.UTF_8), "u")));
        assertThat(new String(c.csv(), StandardCharsets.UTF_8)).isEqualTo(WorldBankJson.HEADER + """
                PPP_FACTOR,1992,KZ,,,BY,,,,0.00000000814013304708237,,
                GDP_USD,2022,KZ,,,KZ,,,,225496328925.460000001,,
                SL.XYZ,2023-Q2,KZ,,,KZ,,,,12.50,,
                """);
        assertThat(c.aggregateRows()).isEqualTo(2);
        assertThat(c.aggregates()).containsExactly("Sub-Saharan Africa", "World");

        // Pages are fetched until the last one the API announces.
        source.answer("/v2/country/all/indicator/SP.POP.TOTL", Answer.ok("application/json",
                page1.getBytes(StandardCharsets.UTF_8)));
        try (Message m = WorldBankConnector.fetch(worldBank(null, null, null), null, http, uploads, MAX, reader, 2)) {
            assertThat(source.requests()).extracting(RecordedSource.Request::query)
                    .containsExactly("format=json&per_page=2&page=1", "format=json&per_page=2&page=2");
        }
    }

    @Test
    void theWorldBanksErrorMessageIsQuoted() {
        source.answer("/v2/country/KAZ/indicator/SP.POP.TOTL", Answer.ok("application/json;charset=utf-8",
                RecordedSource.recording("wb-error-invalid-value.json")));
        assertThatThrownBy(() -> WorldBankConnector.fetch(worldBank("KAZ", null, null), null, http, uploads, MAX,
                new WorldBankJson(JsonMapper.builder().build(), Map.of()), 100))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.code()).isEqualTo("refresh.error.agency");
                    assertThat(e.agencyText()).isEqualTo("Invalid value: The provided parameter value is not valid");
                });
    }

    @Test
    void sdmxDlsCatalogueNamesTheAgenciesOfTheIssueWithTheirAddresses() {
        assertThat(agencies.all()).extracting(Agency::id).startsWith("UNDATA", "ILO", "OECD", "ESTAT", "IMF", "WB",
                Agencies.WORLD_BANK_API);
        assertThat(agencies.find("estat").orElseThrow().endpoint())
                .isEqualTo("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1");
        assertThat(agencies.find("ILO").orElseThrow().endpoint()).isEqualTo("https://sdmx.ilo.org/rest/");
        assertThat(agencies.find("OECD").orElseThrow().endpoint()).isEqualTo("https://sdmx.oecd.org/public/rest");
        assertThat(agencies.find("UNDATA").orElseThrow().endpoint()).isEqualTo("https://data.un.org/WS/rest");
        assertThat(agencies.find("WB").orElseThrow().endpoint()).isEqualTo("https://api.worldbank.org/v2/sdmx/rest");
        assertThat(agencies.find("IMF").orElseThrow().endpoint()).isEqualTo("https://api.imf.org/external/sdmx/2.1");
        DatasetSource estat = new DatasetSource("d", SourceKind.SDMX_REST, "ESTAT", null, "ESTAT,migr_emi1ctz,1.0",
                "A.NR.T.TOTAL.KZ", "2010", "2023", null, null, null, null, null);
        assertThat(SdmxRestConnector.url(estat, agencies.find("ESTAT").orElseThrow()).toString()).isEqualTo(
                "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/ESTAT%2Cmigr_emi1ctz%2C1.0/"
                        + "A.NR.T.TOTAL.KZ/all?startPeriod=2010&endPeriod=2023");
    }

    @Test
    void flowsKeysAndCountriesThatCannotBeUsedAreRefusedBeforeAnythingIsFetched() {
        assertThatThrownBy(() -> SdmxRestConnector.url(sdmx("a,b,c,d", null, null, null, null), null))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.code())
                        .isEqualTo("refresh.source.badFlow"));
        assertThatThrownBy(() -> SdmxRestConnector.url(sdmx("ECB,AME,1.0", "A BEL", null, null, null), null))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.code())
                        .isEqualTo("refresh.source.badKey"));
        assertThatThrownBy(() -> WorldBankConnector.url(worldBank("KAZ;Russia", null, null), null, 1, 10))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.code())
                        .isEqualTo("refresh.source.badCountries"));
        assertThat(source.requests()).isEmpty();
    }

    private long uploadsLeft() {
        try (var files = Files.list(home.resolve("uploads"))) {
            return files.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
