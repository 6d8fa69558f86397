package kz.agyn.warehouse.refresh;

import java.net.MalformedURLException;
import java.net.URL;

import kz.agyn.platform.upload.Uploads;
import kz.agyn.warehouse.ImportException;
import nbbrd.io.http.URLQueryBuilder;
import sdmxdl.FlowRef;
import sdmxdl.Key;
import sdmxdl.Query;
import sdmxdl.StructureRef;
import sdmxdl.provider.DataRef;
import sdmxdl.provider.ri.drivers.Sdmx21RestQueries;

/**
 * An SDMX 2.1 RESTful data query, {@code {endpoint}/data/{flow}/{key}/all?startPeriod=…&endPeriod=…}, built by
 * sdmx-dl's {@link Sdmx21RestQueries} (the same code sdmx-dl uses for these agencies, with its flow and key syntax:
 * {@code AGENCY,ID,VERSION}, {@code A.KZ+RU..T}); the message asked by its {@code Accept} header, and fetched as
 * bytes for the import to read.
 */
final class SdmxRestConnector {

    /** The SDMX 2.1 REST media type of a structure message, with plain XML for services that know no other. */
    static final String STRUCTURE_ACCEPT = "application/vnd.sdmx.structure+xml;version=2.1, application/xml;q=0.9";

    private SdmxRestConnector() {
    }

    /** The address of the data query, or an {@link ImportException} naming what in the source cannot be used. */
    static URL url(DatasetSource s, Agency agency) {
        String endpoint = s.baseUrl() != null ? s.baseUrl() : agency == null ? null : agency.endpoint();
        if (endpoint == null) {
            throw new ImportException("refresh.source.noAddress");
        }
        FlowRef flow = flow(s.flow());
        Key key = key(s.key());
        boolean slash = s.baseUrl() == null && agency != null && agency.trailingSlash();
        try {
            URLQueryBuilder q = new Sdmx21RestQueries(slash).getDataQuery(new URL(endpoint),
                    DataRef.of(flow, Query.builder().key(key).build()),
                    StructureRef.of(flow.getAgency(), flow.getId(), flow.getVersion()));
            if (s.startPeriod() != null) {
                q.param("startPeriod", s.startPeriod());
            }
            if (s.endPeriod() != null) {
                q.param("endPeriod", s.endPeriod());
            }
            return q.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ImportException("refresh.source.badUrl", endpoint);
        }
    }

    /**
     * The address of the dataflow with everything it references — its data structure definition, the concept schemes
     * and the code lists: {@code {endpoint}/dataflow/{agency}/{id}/{version}?references=all}, built by sdmx-dl's
     * {@link Sdmx21RestQueries#getFlowQuery}. One request serves every agency of the catalogue, where the
     * {@code /datastructure/} query would need the structure's id, which the flow does not give.
     */
    static URL structureUrl(DatasetSource s, Agency agency) {
        String endpoint = s.baseUrl() != null ? s.baseUrl() : agency == null ? null : agency.endpoint();
        if (endpoint == null) {
            throw new ImportException("refresh.source.noAddress");
        }
        FlowRef flow = flow(s.flow());
        boolean slash = s.baseUrl() == null && agency != null && agency.trailingSlash();
        try {
            return new Sdmx21RestQueries(slash).getFlowQuery(new URL(endpoint), flow).param("references", "all")
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ImportException("refresh.source.badUrl", endpoint);
        }
    }

    static FlowRef flow(String flow) {
        try {
            if (flow == null || flow.isBlank() || !flow.matches("[A-Za-z0-9_.@$,\\-]+")) {
                throw new IllegalArgumentException(flow);
            }
            return FlowRef.parse(flow.trim());
        } catch (IllegalArgumentException e) {
            throw new ImportException("refresh.source.badFlow", flow == null ? "" : flow);
        }
    }

    static Key key(String key) {
        if (key == null || key.isBlank() || key.trim().equalsIgnoreCase("all")) {
            return Key.ALL;
        }
        // sdmx-dl's parser takes anything between the dots; a space or a slash would only fail at the agency.
        if (!key.trim().matches("[A-Za-z0-9_@$*+.\\-]+")) {
            throw new ImportException("refresh.source.badKey", key);
        }
        try {
            return Key.parse(key.trim());
        } catch (IllegalArgumentException e) {
            throw new ImportException("refresh.source.badKey", key);
        }
    }

    /** Fetches the message, refusing what is not data. */
    static Message fetch(DatasetSource s, Agency agency, HttpFetch http, Uploads uploads, long maxBytes) {
        URL url = url(s, agency);
        SdmxFormat format = s.sdmxFormat();
        String name = fileName(s, agency, format);
        HttpFetch.Fetched got = http.get(url, format.accept(), uploads, name, maxBytes);
        HttpFetch.Fetched structure = null;
        try {
            MessageCheck.sdmx(got.body().file(), got.contentType(), format, url.toString());
            if (s.structure()) {
                // Fetched after the data: a query the agency refuses is said about the data first. What the answer
                // holds is checked by the import, which reads it and reports at its line what it cannot.
                URL structureUrl = structureUrl(s, agency);
                structure = http.get(structureUrl, STRUCTURE_ACCEPT, uploads, "structure.xml", maxBytes);
            }
            return new Message(got.body(), format.importFormat(), url.toString(),
                    MessageCheck.digest(got.body().file()), 0, 0, java.util.List.of(),
                    structure == null ? null : structure.body());
        } catch (RuntimeException e) {
            got.body().close();
            if (structure != null) {
                structure.body().close();
            }
            throw e;
        }
    }

    /** "ESTAT migr_emi1ctz A.NR.xml": the versions page shows it as the file a version came from. */
    private static String fileName(DatasetSource s, Agency agency, SdmxFormat format) {
        String who = agency != null ? agency.id() : "SDMX";
        String key = s.key() == null || s.key().isBlank() ? "all" : s.key().trim();
        String name = who + " " + flow(s.flow()).getId() + " " + key;
        return name.replaceAll("[^A-Za-z0-9 ._+@-]", "_") + format.extension();
    }
}
