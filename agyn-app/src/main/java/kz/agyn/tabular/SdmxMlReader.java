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
 * SDMX-ML data messages as agencies publish them: 2.1 generic (series or flat), 2.1 and 3.0 structure-specific,
 * 2.0 generic and compact (also inside a 2.0 MessageGroup). The columns are only known once every series key and
 * attribute has been seen, so the message is read whole into a compact form first — within the caps of
 * {@link #MAX_BYTES} and {@link #MAX_OBSERVATIONS} — and then handed out one observation per row, its location
 * the XML line of its {@code Obs}.
 *
 * <p>Without the structure definition a structure-specific or compact series cannot tell its dimensions from its
 * attributes (both are XML attributes of {@code Series}); Agyn maps columns by name, so it need not. Group-level
 * attributes (a group's UNIT_MULT, say) reach every series of the group: a generic group by its {@code GroupKey},
 * a structure-specific or compact one by the values it shares with the series, and a 2.0 group by nesting.
 */
final class SdmxMlReader implements TableReader {

    static final long MAX_BYTES = 100L << 20;
    static final int MAX_OBSERVATIONS = 2_000_000;
    static final String TIME_PERIOD = "TIME_PERIOD";
    static final String OBS_VALUE = "OBS_VALUE";
    /** A 2.0 generic series key and attributes name their concept so, 2.1 uses id. */
    private static final String[] ID_ATTRIBUTES = {"id", "concept"};
    /**
     * Attributes a data set carries about itself in structure-specific and compact messages (SDMX 2.0, 2.1, 3.0);
     * anything else unqualified on a DataSet is a data-set-level attribute of the data.
     */
    private static final java.util.Set<String> DATA_SET_XML_ATTRIBUTES = java.util.Set.of("structureRef", "setID",
            "action", "reportingBeginDate", "reportingEndDate", "validFromDate", "validToDate", "publicationYear",
            "publicationPeriod", "dataScope", "keyFamilyURI", "datasetID", "dataProviderSchemeAgencyId",
            "dataProviderSchemeId", "dataProviderID", "dataflowAgencyID", "dataflowID");
    /** Children of a DataSet that are not groups in a compact (2.0) message, where a group's element is its id. */
    private static final java.util.Set<String> NOT_GROUPS = java.util.Set.of("Series", "Obs", "Attributes",
            "Annotations", "KeyFamilyRef", "DataProvider", "Group");

    /** Ids and values side by side; ids are interned through {@link #ids} so a million rows share them. */
    private record Values(String[] ids, String[] values) {
        static final Values NONE = new Values(new String[0], new String[0]);

        String get(String id) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i].equals(id)) {
                    return values[i];
                }
            }
            return null;
        }

        Values plus(Values more) {
            if (more.ids.length == 0) {
                return this;
            }
            if (ids.length == 0) {
                return more;
            }
            String[] i = Arrays.copyOf(ids, ids.length + more.ids.length);
            String[] v = Arrays.copyOf(values, values.length + more.values.length);
            System.arraycopy(more.ids, 0, i, ids.length, more.ids.length);
            System.arraycopy(more.values, 0, v, values.length, more.values.length);
            return new Values(i, v);
        }
    }

    /** A series; {@code groups} is filled in once every group of the message is known. */
    private static final class Series {
        final Values key;
        final Values attributes;
        final Values dataSetAttributes;
        Values groups = Values.NONE;

        Series(Values key, Values attributes, Values dataSetAttributes) {
            this.key = key;
            this.attributes = attributes;
            this.dataSetAttributes = dataSetAttributes;
        }
    }

    /**
     * A sibling group. {@code strict}: a generic group, which applies where every id of its key has the same
     * value in the series; otherwise (structure-specific, compact) its values mix key and attributes, and it
     * applies where every id it shares with the series has the same value, at least one being shared.
     */
    private record Group(Values key, Values attributes, boolean strict) {
    }

    private record Obs(Series series, Values values, int line) {
    }

    private final String file;
    private final Map<String, String> ids = new HashMap<>();
    private final LinkedHashMap<String, Boolean> keyIds = new LinkedHashMap<>();
    private final LinkedHashMap<String, Boolean> attributeIds = new LinkedHashMap<>();
    private final List<Obs> observations = new ArrayList<>();
    private final List<Series> allSeries = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
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
        r.bytes = Xml.stream(in, MAX_BYTES, fileName, r::parse, () -> new TabularException("tabular.tooLarge",
                new Location(fileName, null, 0, 0), MAX_BYTES >> 20, MAX_OBSERVATIONS));
        r.applyGroups();
        r.layout();
        return r;
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

    /** The SDMX version of a message namespace ("2.0", "2.1", "3.0"), or null when it is no SDMX message. */
    static String version(String namespace) {
        String ns = namespace == null ? "" : namespace.toLowerCase(java.util.Locale.ROOT);
        if (!ns.startsWith("http://www.sdmx.org/resources/sdmxml/schemas/") || !ns.endsWith("/message")) {
            return null;
        }
        return ns.contains("/v3_0/") ? "3.0" : ns.contains("/v2_1/") ? "2.1" : ns.contains("/v2_0/") ? "2.0" : null;
    }

    private void checkRoot(XMLStreamReader x) throws TabularException {
        String version = version(x.getNamespaceURI());
        String name = x.getLocalName();
        boolean data = version != null && switch (version) {
            case "2.0" -> name.equals("GenericData") || name.equals("CompactData") || name.equals("UtilityData")
                    || name.equals("MessageGroup");
            case "2.1" -> name.equals("GenericData") || name.equals("GenericTimeSeriesData")
                    || name.equals("StructureSpecificData") || name.equals("StructureSpecificTimeSeriesData");
            case "3.0" -> name.equals("StructureSpecificData");
            default -> false;
        };
        if (!data) {
            String ns = x.getNamespaceURI();
            String shown = version != null ? " (SDMX " + version + ")"
                    : ns != null && ns.toLowerCase(java.util.Locale.ROOT).contains("sdmx") ? " (SDMX)" : "";
            throw new TabularException("tabular.sdmxml.unsupported", here(x), name + shown);
        }
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

    /** The unqualified XML attributes of the element under the cursor, except those listed. */
    private Values xmlAttributes(XMLStreamReader x, java.util.Set<String> except, Map<String, Boolean> registry)
            throws TabularException {
        int n = x.getAttributeCount();
        if (n == 0) {
            return Values.NONE;
        }
        List<String> idList = new ArrayList<>(n);
        List<String> valueList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String ns = x.getAttributeNamespace(i);
            String name = x.getAttributeLocalName(i);
            if ((ns != null && !ns.isEmpty()) || except.contains(name)) {
                continue;
            }
            String value = x.getAttributeValue(i);
            if (value.length() > CsvTableReader.MAX_FIELD) {
                throw new TabularException("tabular.csv.fieldTooLong", here(x), CsvTableReader.MAX_FIELD >> 20);
            }
            String id = intern(name);
            if (registry != null) {
                registry.putIfAbsent(id, Boolean.TRUE);
            }
            idList.add(id);
            valueList.add(value);
        }
        return new Values(idList.toArray(new String[0]), valueList.toArray(new String[0]));
    }

    /** Positioned on a DataSet start; returns on its end. */
    private void parseDataSet(XMLStreamReader x) throws XMLStreamException, TabularException {
        Values dataSetAttributes = xmlAttributes(x, DATA_SET_XML_ATTRIBUTES, attributeIds);
        while (nextChild(x)) {
            String name = x.getLocalName();
            switch (name) {
                case "Attributes" -> dataSetAttributes = dataSetAttributes.plus(values(x, attributeIds));
                case "Series" -> parseSeries(x, dataSetAttributes, Values.NONE);
                case "Obs" -> observations(x, new Series(Values.NONE, Values.NONE, dataSetAttributes));
                case "Group" -> parseGroup(x, dataSetAttributes);
                default -> {
                    if (NOT_GROUPS.contains(name) || x.getAttributeCount() == 0 && !hasSeriesInside(name)) {
                        skip(x);
                    } else {
                        // A compact (2.0) group is an element named after the group, its values as XML attributes.
                        parseGroup(x, dataSetAttributes);
                    }
                }
            }
        }
    }

    /** Compact 2.0 groups without attributes of their own still nest their series; anything else is skipped. */
    private static boolean hasSeriesInside(String name) {
        return name.endsWith("Group");
    }

    /**
     * A group, positioned on its start: generic (GroupKey and Attributes children), structure-specific or
     * compact (XML attributes); series nested inside it (SDMX 2.0) take its values directly.
     */
    private void parseGroup(XMLStreamReader x, Values dataSetAttributes) throws XMLStreamException, TabularException {
        Values own = xmlAttributes(x, java.util.Set.of("type"), attributeIds);
        Values key = Values.NONE;
        Values attributes = Values.NONE;
        boolean generic = false;
        while (nextChild(x)) {
            switch (x.getLocalName()) {
                case "GroupKey" -> {
                    key = values(x, null);
                    generic = true;
                }
                case "Attributes" -> {
                    attributes = values(x, attributeIds);
                    generic = true;
                }
                case "Series" -> parseSeries(x, dataSetAttributes, generic ? attributes : own);
                default -> skip(x);
            }
        }
        if (generic && key.ids().length > 0) {
            groups.add(new Group(key, attributes, true));
        } else if (!generic && own.ids().length > 0) {
            groups.add(new Group(own, own, false));
        }
    }

    private void parseSeries(XMLStreamReader x, Values dataSetAttributes, Values inherited)
            throws XMLStreamException, TabularException {
        // Structure-specific and compact: the key and the series attributes, undistinguished, as XML attributes.
        Values key = xmlAttributes(x, java.util.Set.of(), keyIds);
        Values attributes = inherited;
        Series series = null;
        while (nextChild(x)) {
            switch (x.getLocalName()) {
                case "SeriesKey" -> {
                    key = key.plus(values(x, keyIds));
                    series = null;
                }
                case "Attributes" -> {
                    attributes = attributes.plus(values(x, attributeIds));
                    series = null;
                }
                case "Obs" -> {
                    if (series == null) {
                        series = new Series(key, attributes, dataSetAttributes);
                        allSeries.add(series);
                    }
                    observations(x, series);
                }
                default -> skip(x);
            }
        }
    }

    /** One Obs, positioned on its start: its own key (flat form), time, value and attributes, in any form. */
    private void observations(XMLStreamReader x, Series series) throws XMLStreamException, TabularException {
        int line = Math.max(0, x.getLocation().getLineNumber());
        if (observations.size() >= MAX_OBSERVATIONS) {
            throw new TabularException("tabular.tooLarge", new Location(file, null, line, 0), MAX_BYTES >> 20,
                    MAX_OBSERVATIONS);
        }
        List<String> obsIds = new ArrayList<>(6);
        List<String> obsValues = new ArrayList<>(6);
        // Structure-specific and compact: TIME_PERIOD, OBS_VALUE and the observation's attributes.
        Values own = xmlAttributes(x, java.util.Set.of(), null);
        for (int i = 0; i < own.ids().length; i++) {
            String id = own.ids()[i];
            if (!id.equals(timeId) && !id.equals(OBS_VALUE)) {
                attributeIds.putIfAbsent(id, Boolean.TRUE);
            }
        }
        add(own, obsIds, obsValues);
        while (nextChild(x)) {
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
                case "Time" -> {
                    // SDMX 2.0 generic: the period as the element's text.
                    obsIds.add(timeId);
                    obsValues.add(text(x));
                }
                case "ObsValue" -> {
                    obsIds.add(OBS_VALUE);
                    String value = x.getAttributeValue(null, "value");
                    obsValues.add(value == null ? "" : checked(x, value));
                    skip(x);
                }
                case "Attributes" -> add(values(x, attributeIds), obsIds, obsValues);
                default -> skip(x);
            }
        }
        observations.add(new Obs(series, new Values(obsIds.toArray(new String[0]),
                obsValues.toArray(new String[0])), line));
    }

    /** The text of a simple element, positioned on its start; returns on its end. */
    private String text(XMLStreamReader x) throws XMLStreamException, TabularException {
        StringBuilder sb = new StringBuilder();
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
            } else if (depth == 1 && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
                sb.append(x.getText());
                if (sb.length() > CsvTableReader.MAX_FIELD) {
                    throw new TabularException("tabular.csv.fieldTooLong", here(x), CsvTableReader.MAX_FIELD >> 20);
                }
            }
        }
        return sb.toString().trim();
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
        return checked(x, v);
    }

    private String checked(XMLStreamReader x, String v) throws TabularException {
        if (v.length() > CsvTableReader.MAX_FIELD) {
            throw new TabularException("tabular.csv.fieldTooLong", here(x), CsvTableReader.MAX_FIELD >> 20);
        }
        return v;
    }

    /** The {@code <Value id= value=/>} children of a key or attribute list (2.0: concept=), on its start. */
    private Values values(XMLStreamReader x, Map<String, Boolean> registry)
            throws XMLStreamException, TabularException {
        List<String> idList = new ArrayList<>();
        List<String> valueList = new ArrayList<>();
        while (nextChild(x)) {
            if (x.getLocalName().equals("Value")) {
                String rawId = null;
                for (String a : ID_ATTRIBUTES) {
                    rawId = rawId != null ? rawId : x.getAttributeValue(null, a);
                }
                if (rawId == null) {
                    throw new TabularException("tabular.sdmxml.missingAttribute", here(x), x.getLocalName(), "id");
                }
                String id = intern(checked(x, rawId).trim());
                String value = required(x, "value");
                if (registry != null) {
                    registry.putIfAbsent(id, Boolean.TRUE);
                }
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

    /**
     * Gives each series the attributes of the sibling groups it belongs to. Groups are few (a handful per
     * message) and this runs once per series, not per observation.
     */
    private void applyGroups() throws TabularException {
        if (groups.isEmpty()) {
            return;
        }
        if ((long) groups.size() * allSeries.size() > XlsxWorkbook.MAX_CELLS) {
            throw new TabularException("tabular.tooLarge", new Location(file, null, 0, 0), MAX_BYTES >> 20,
                    MAX_OBSERVATIONS);
        }
        for (Series s : allSeries) {
            Values all = s.key.plus(s.attributes);
            for (Group g : groups) {
                if (!belongs(all, g)) {
                    continue;
                }
                for (int i = 0; i < g.attributes().ids().length; i++) {
                    String id = g.attributes().ids()[i];
                    if (all.get(id) == null && s.groups.get(id) == null) {
                        s.groups = s.groups.plus(new Values(new String[] {id},
                                new String[] {g.attributes().values()[i]}));
                        attributeIds.putIfAbsent(id, Boolean.TRUE);
                    }
                }
            }
        }
    }

    private static boolean belongs(Values series, Group g) {
        int shared = 0;
        for (int i = 0; i < g.key().ids().length; i++) {
            String v = series.get(g.key().ids()[i]);
            if (v == null) {
                if (g.strict()) {
                    return false;
                }
            } else if (!v.equals(g.key().values()[i])) {
                return false;
            } else {
                shared++;
            }
        }
        return shared > 0;
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
        put(cells, o.series().dataSetAttributes);
        put(cells, o.series().groups);
        put(cells, o.series().key);
        put(cells, o.series().attributes);
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
        allSeries.clear();
    }

    /**
     * Moves to the next child element of the current one: true there, false at the current element's end. The end
     * of the document inside an element is a truncated file.
     */
    private static boolean nextChild(XMLStreamReader x) throws XMLStreamException {
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
    }
}
