package kz.agyn.tabular;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SDMX-ML 2.1 generic data messages, series-grouped or flat. The columns are only known once every series key
 * and attribute has been seen, so the message is read whole into a compact form first — within the caps of
 * {@link #MAX_BYTES} and {@link #MAX_OBSERVATIONS} — and then handed out one observation per row.
 */
final class SdmxMlReader implements TableReader {

    static final long MAX_BYTES = 100L << 20;
    static final int MAX_OBSERVATIONS = 2_000_000;
    static final String MESSAGE_21 = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String TIME_PERIOD = "TIME_PERIOD";
    static final String OBS_VALUE = "OBS_VALUE";

    /** Ids and values side by side; ids are interned through {@link #ids} so a million rows share them. */
    private record Values(String[] ids, String[] values) {
        static final Values NONE = new Values(new String[0], new String[0]);
    }

    private record Series(Values key, Values attributes, Values dataSetAttributes) {
    }

    private record Obs(Series series, Values values, int line) {
    }

    private final String file;
    private final Map<String, String> ids = new HashMap<>();
    private final LinkedHashMap<String, Boolean> keyIds = new LinkedHashMap<>();
    private final LinkedHashMap<String, Boolean> attributeIds = new LinkedHashMap<>();
    private final List<Obs> observations = new ArrayList<>();
    private String timeId = TIME_PERIOD;
    private List<String> columns;
    private Map<String, Integer> index;
    private int next;
    private long bytes;

    private SdmxMlReader(String file) {
        this.file = file;
    }

    static SdmxMlReader read(InputStream in, String fileName) throws TabularException {
        SdmxMlReader r = new SdmxMlReader(fileName);
        CountingInputStream counted = new CountingInputStream(in, MAX_BYTES);
        XMLStreamReader x = null;
        try {
            x = Xml.reader(counted);
            r.parse(x);
        } catch (XMLStreamException | RuntimeException e) {
            throw r.failure(e, x, counted);
        } finally {
            r.bytes = counted.count();
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException | RuntimeException ignored) {
                    // Already failing or finished; the caller closes the stream.
                }
            }
        }
        r.layout();
        return r;
    }

    private TabularException failure(Exception e, XMLStreamReader x, CountingInputStream counted) {
        TabularException t;
        if (counted.exceeded()) {
            t = new TabularException("tabular.tooLarge", new Location(file, null, 0, 0), MAX_BYTES >> 20,
                    MAX_OBSERVATIONS);
        } else if (Xml.caused(e, Xml.TokenGuard.TokenTooLong.class)) {
            t = new TabularException("tabular.xml.tokenTooLong", new Location(file, null, 0, 0),
                    Xml.MAX_TOKEN_BYTES >> 20);
        } else {
            int line = 0;
            int column = 0;
            if (e instanceof XMLStreamException xe && xe.getLocation() != null) {
                line = xe.getLocation().getLineNumber();
                column = xe.getLocation().getColumnNumber();
            } else if (x != null) {
                try {
                    line = x.getLocation().getLineNumber();
                    column = x.getLocation().getColumnNumber();
                } catch (RuntimeException ignored) {
                    // No position to report.
                }
            }
            line = Math.max(0, line);
            column = Math.max(0, column);
            t = new TabularException("tabular.xml.malformed", new Location(file, null, line, column), line, column);
        }
        t.initCause(e);
        return t;
    }

    private String intern(String s) {
        String known = ids.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private Location here(XMLStreamReader x) {
        return new Location(file, null, Math.max(0, x.getLocation().getLineNumber()), 0);
    }

    private void parse(XMLStreamReader x) throws XMLStreamException, TabularException {
        boolean rootSeen = false;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.DTD) {
                throw new TabularException("tabular.xml.doctype", here(x));
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!rootSeen) {
                checkRoot(x);
                rootSeen = true;
                parseMessage(x);
                return;
            }
        }
        if (!rootSeen) {
            throw new TabularException("tabular.empty", new Location(file, null, 0, 0));
        }
    }

    private void checkRoot(XMLStreamReader x) throws TabularException {
        String ns = x.getNamespaceURI();
        String name = x.getLocalName();
        if (MESSAGE_21.equals(ns) && (name.equals("GenericData") || name.equals("GenericTimeSeriesData"))) {
            return;
        }
        String version = ns == null ? "" : ns.contains("v3_0") ? " (SDMX 3.0)" : ns.contains("v2_1") ? " (SDMX 2.1)"
                : ns.contains("v2_0") ? " (SDMX 2.0)" : ns.contains("sdmx") ? " (SDMX)" : "";
        throw new TabularException("tabular.sdmxml.unsupported", here(x), name + version);
    }

    /** Inside the root: the header's Structure, then data sets. Depth counts from the root at 1. */
    private void parseMessage(XMLStreamReader x) throws XMLStreamException, TabularException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth(x, depth);
                String name = x.getLocalName();
                if (name.equals("Structure") && depth == 3) {
                    String dim = x.getAttributeValue(null, "dimensionAtObservation");
                    if (dim != null && !dim.isBlank() && !dim.equals("AllDimensions")) {
                        timeId = intern(dim.trim());
                    }
                } else if (name.equals("DataSet") && depth == 2) {
                    parseDataSet(x);
                    depth--;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
        }
    }

    private void checkDepth(XMLStreamReader x, int depth) throws TabularException {
        if (depth > Xml.MAX_DEPTH) {
            throw new TabularException("tabular.xml.tooDeep", here(x), Xml.MAX_DEPTH);
        }
    }

    /** Positioned on a DataSet start; returns on its end. */
    private void parseDataSet(XMLStreamReader x) throws XMLStreamException, TabularException {
        Values dataSetAttributes = Values.NONE;
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (x.getLocalName()) {
                case "Attributes" -> dataSetAttributes = values(x, attributeIds);
                case "Series" -> parseSeries(x, dataSetAttributes);
                case "Obs" -> observations(x, new Series(Values.NONE, Values.NONE, dataSetAttributes));
                default -> skip(x); // Group, Annotations and anything newer
            }
        }
    }

    private void parseSeries(XMLStreamReader x, Values dataSetAttributes)
            throws XMLStreamException, TabularException {
        Values key = Values.NONE;
        Values attributes = Values.NONE;
        Series series = null;
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (x.getLocalName()) {
                case "SeriesKey" -> {
                    key = values(x, keyIds);
                    series = null;
                }
                case "Attributes" -> {
                    attributes = values(x, attributeIds);
                    series = null;
                }
                case "Obs" -> {
                    if (series == null) {
                        series = new Series(key, attributes, dataSetAttributes);
                    }
                    observations(x, series);
                }
                default -> skip(x);
            }
        }
    }

    /** One Obs, positioned on its start; its own key (flat form), time, value and attributes. */
    private void observations(XMLStreamReader x, Series series) throws XMLStreamException, TabularException {
        int line = Math.max(0, x.getLocation().getLineNumber());
        if (observations.size() >= MAX_OBSERVATIONS) {
            throw new TabularException("tabular.tooLarge", new Location(file, null, line, 0), MAX_BYTES >> 20,
                    MAX_OBSERVATIONS);
        }
        List<String> obsIds = new ArrayList<>(6);
        List<String> obsValues = new ArrayList<>(6);
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (x.getLocalName()) {
                case "ObsKey" -> add(values(x, keyIds), obsIds, obsValues);
                case "ObsDimension" -> {
                    String id = x.getAttributeValue(null, "id");
                    if (id != null && !id.isBlank()) {
                        timeId = intern(id.trim());
                    }
                    obsIds.add(timeId);
                    obsValues.add(required(x, "value"));
                    skip(x);
                }
                case "ObsValue" -> {
                    obsIds.add(OBS_VALUE);
                    obsValues.add(required(x, "value"));
                    skip(x);
                }
                case "Attributes" -> add(values(x, attributeIds), obsIds, obsValues);
                default -> skip(x);
            }
        }
        observations.add(new Obs(series, new Values(obsIds.toArray(new String[0]),
                obsValues.toArray(new String[0])), line));
    }

    private static void add(Values v, List<String> ids, List<String> values) {
        for (int i = 0; i < v.ids().length; i++) {
            ids.add(v.ids()[i]);
            values.add(v.values()[i]);
        }
    }

    private String required(XMLStreamReader x, String attribute) throws TabularException {
        String v = x.getAttributeValue(null, attribute);
        if (v == null) {
            throw new TabularException("tabular.sdmxml.missingAttribute", here(x), x.getLocalName(), attribute);
        }
        if (v.length() > CsvTableReader.MAX_FIELD) {
            throw new TabularException("tabular.csv.fieldTooLong", here(x), CsvTableReader.MAX_FIELD >> 20);
        }
        return v;
    }

    /** The {@code <Value id= value=/>} children of a key or attribute list, positioned on its start. */
    private Values values(XMLStreamReader x, Map<String, Boolean> registry)
            throws XMLStreamException, TabularException {
        List<String> idList = new ArrayList<>();
        List<String> valueList = new ArrayList<>();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (x.getLocalName().equals("Value")) {
                String id = intern(required(x, "id").trim());
                String value = required(x, "value");
                registry.putIfAbsent(id, Boolean.TRUE);
                idList.add(id);
                valueList.add(value);
            }
            skip(x);
        }
        return new Values(idList.toArray(new String[0]), valueList.toArray(new String[0]));
    }

    /** Skips the element under the cursor, start to end. */
    private void skip(XMLStreamReader x) throws XMLStreamException, TabularException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                checkDepth(x, depth);
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
        }
    }

    /** Series key ids in first-seen order, the time dimension, OBS_VALUE, then attribute ids. */
    private void layout() throws TabularException {
        List<String> cols = new ArrayList<>();
        for (String id : keyIds.keySet()) {
            if (!id.equals(timeId) && !id.equals(OBS_VALUE)) {
                cols.add(id);
            }
        }
        cols.add(timeId);
        cols.add(OBS_VALUE);
        for (String id : attributeIds.keySet()) {
            if (!cols.contains(id)) {
                cols.add(id);
            }
        }
        columns = List.copyOf(cols);
        // Every row is as wide as all ids together: a few thousand ids declared once would multiply the work of
        // every observation.
        if ((long) columns.size() * observations.size() > XlsxWorkbook.MAX_CELLS
                || columns.size() > CsvTableReader.MAX_COLUMNS) {
            throw new TabularException("tabular.tooLarge", new Location(file, null, 0, 0), MAX_BYTES >> 20,
                    MAX_OBSERVATIONS);
        }
        index = new HashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            index.put(cols.get(i), i);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Row next() {
        if (next >= observations.size()) {
            return null;
        }
        Obs o = observations.get(next);
        observations.set(next, null); // handed out: let it go
        next++;
        String[] cells = new String[columns.size()];
        Arrays.fill(cells, "");
        put(cells, o.series().dataSetAttributes());
        put(cells, o.series().key());
        put(cells, o.series().attributes());
        put(cells, o.values());
        return new Row(next, Arrays.asList(cells), new Location(file, null, o.line(), 0));
    }

    private void put(String[] cells, Values v) {
        for (int i = 0; i < v.ids().length; i++) {
            Integer c = index.get(v.ids()[i]);
            if (c != null) {
                cells[c] = v.values()[i];
            }
        }
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void close() {
        observations.clear();
    }
}
