package kz.agyn.tabular;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import kz.agyn.tabular.SdmxStructure.Code;
import kz.agyn.tabular.SdmxStructure.Codelist;
import kz.agyn.tabular.SdmxStructure.Component;
import kz.agyn.tabular.SdmxStructure.Ref;
import kz.agyn.tabular.SdmxStructure.Role;

/**
 * Reads the parts of an SDMX-ML 2.0, 2.1 or 3.0 structure message that an import uses: code lists (codes and their
 * names by language), concept schemes (concept names and core representations) and data structure definitions
 * (components, their concepts and code lists), plus dataflow names. Organisation schemes, constraints, category
 * schemes and annotations are passed over.
 *
 * <p>Hand-written StAX over {@link Xml} like {@link SdmxMlReader}, and not sdmx-dl's {@code struct21} parser,
 * for the reasons of docs/decisions/0021-sdmx-structures-read-by-agyns-own-reader.md: the same hardened XML factory
 * as every uploaded file, all the languages of a name at once (sdmx-dl keeps one, chosen before parsing), SDMX-ML
 * 3.0 (URN references), and problems located at their line.
 *
 * <p>References are resolved as each version writes them: 2.1 {@code <Ref id="CL_FREQ" agencyID="ECB"
 * version="1.0"/>} (or a {@code <URN>} child), 3.0 the URN as the element's text
 * ({@code urn:sdmx:org.sdmx.infomodel.codelist.Codelist=ECB:CL_FREQ(1.0)}), 2.0 attributes of the component
 * ({@code conceptRef}, {@code codelist}, {@code codelistAgency}), its 2.0 element names read as their 2.1 ones
 * ({@link #as21}). A component without a code list of its own takes its concept's core representation.
 */
final class SdmxStructureReader {

    /** A structure message for one dataflow with its code lists is at most a few MB; Eurostat's largest near 30. */
    static final long MAX_BYTES = 100L << 20;
    /** More codes than any dataflow's lists hold together (Eurostat's CL_GEO has ~1,500, ILO's CL_AREA ~600). */
    static final int MAX_CODES = 500_000;
    private static final int MAX_NAME = 300;
    private static final Pattern URN = Pattern.compile("=([^:=]+):([^(:=]+)\\(([^)]*)\\)(?:\\.([^.]+))?\\s*$");
    private static final Pattern URN_NO_VERSION = Pattern.compile("=([^:=]+):([^(:=.]+)(?:\\.([^.]+))?\\s*$");

    private final String file;
    private String version;
    private final Map<String, Codelist> codelists = new LinkedHashMap<>();
    /** Concepts by "AGENCY:SCHEME(VERSION).ID", and by id alone (first wins) for references that name no scheme. */
    private final Map<String, ConceptB> concepts = new HashMap<>();
    private final Map<String, ConceptB> conceptsById = new HashMap<>();
    private final List<DsdB> dsds = new ArrayList<>();
    private final Map<String, Map<String, String>> flows = new LinkedHashMap<>();
    private int codeCount;

    private static final class ConceptB {
        final Map<String, String> names = new LinkedHashMap<>();
        Ref codelist;
    }

    private static final class ComponentB {
        String id;
        Role role;
        Ref concept;
        String conceptScheme;
        Ref codelist;
    }

    private static final class DsdB {
        Ref ref;
        final Map<String, String> names = new LinkedHashMap<>();
        final List<ComponentB> components = new ArrayList<>();
    }

    private SdmxStructureReader(String file) {
        this.file = file;
    }

    static SdmxStructure read(InputStream in, String fileName) throws TabularException {
        SdmxStructureReader r = new SdmxStructureReader(fileName);
        Xml.stream(in, MAX_BYTES, fileName, r::parse, () -> new TabularException("tabular.sdmxstructure.tooLarge",
                new Location(fileName, null, 0, 0), MAX_BYTES >> 20));
        return r.result();
    }

    private SdmxStructure result() throws TabularException {
        if (dsds.isEmpty()) {
            // A code list alone names codes but says nothing of which column they code.
            throw new TabularException("tabular.sdmxstructure.noDsd", new Location(file, null, 0, 0));
        }
        DsdB dsd = dsds.get(0);
        Map<String, Component> components = new LinkedHashMap<>();
        for (ComponentB c : dsd.components) {
            ConceptB concept = concept(c);
            Ref codelist = c.codelist != null ? c.codelist : concept == null ? null : concept.codelist;
            components.put(c.id, new Component(c.id, c.role, c.concept == null ? c.id : c.concept.id(),
                    concept == null ? Map.of() : Map.copyOf(concept.names), codelist));
        }
        List<Ref> others = dsds.subList(1, dsds.size()).stream().map(d -> d.ref).toList();
        return new SdmxStructure(version, dsd.ref, dsd.names, others, components, codelists, flows);
    }

    private ConceptB concept(ComponentB c) {
        if (c.concept == null) {
            return conceptsById.get(c.id);
        }
        ConceptB exact = c.conceptScheme == null ? null : concepts.get(c.conceptScheme + "." + c.concept.id());
        return exact != null ? exact : conceptsById.get(c.concept.id());
    }

    private Location here(XMLStreamReader x) {
        return new Location(file, null, Math.max(0, x.getLocation().getLineNumber()), 0);
    }

    private void parse(XMLStreamReader x) throws XMLStreamException, TabularException {
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.DTD) {
                throw new TabularException("tabular.xml.doctype", here(x));
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                checkRoot(x);
                walk(x);
                return;
            }
        }
        throw new TabularException("tabular.empty", new Location(file, null, 0, 0));
    }

    private void checkRoot(XMLStreamReader x) throws TabularException {
        String v = SdmxMlReader.version(x.getNamespaceURI());
        String name = x.getLocalName();
        if ("Structure".equals(name) && ("2.0".equals(v) || "2.1".equals(v) || "3.0".equals(v))) {
            version = v;
            return;
        }
        String shown = v != null ? " (SDMX " + v + ")" : x.getNamespaceURI() != null
                && x.getNamespaceURI().toLowerCase(Locale.ROOT).contains("sdmx") ? " (SDMX)" : "";
        throw new TabularException("tabular.sdmxstructure.unsupported", here(x), name + shown);
    }

    /**
     * The whole message below the root, element by element, with the path of local names: what an element is depends
     * on its parent ({@code Dimension} under {@code DimensionList} is a component, under {@code AttributeRelationship}
     * a reference).
     */
    private void walk(XMLStreamReader x) throws XMLStreamException, TabularException {
        boolean v20 = "2.0".equals(version);
        Deque<String> path = new ArrayDeque<>();
        path.push("Structure");
        Map<String, String> codelistNames = null;
        Map<String, Code> codes = null;
        String codeId = null;
        Map<String, String> codeNames = null;
        String scheme = null;
        String conceptId = null;
        ConceptB concept = null;
        DsdB dsd = null;
        ComponentB component = null;
        String flowId = null;
        Map<String, String> flowNames = null;
        Ref codelistRef = null;
        StringBuilder text = new StringBuilder();
        while (!path.isEmpty()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String parent = path.peek();
                String name = as21(x.getLocalName());
                if (path.size() >= Xml.MAX_DEPTH) {
                    throw new TabularException("tabular.xml.tooDeep", here(x), Xml.MAX_DEPTH);
                }
                text.setLength(0);
                if (name.equals("Name") || (name.equals("Description") && "Code".equals(parent) && v20)) {
                    name(x, switch (parent) {
                        case "Code" -> codeNames;
                        case "Codelist" -> codelistNames;
                        case "Concept" -> concept == null ? null : concept.names;
                        case "DataStructure" -> dsd == null ? null : dsd.names;
                        case "Dataflow" -> flowNames;
                        default -> null;
                    });
                    continue; // the name's end tag is consumed
                }
                path.push(name);
                switch (name) {
                    case "Codelist" -> {
                        if ("Codelists".equals(parent)) {
                            codelistRef = ref(x);
                            codelistNames = new LinkedHashMap<>();
                            codes = new LinkedHashMap<>();
                        }
                    }
                    case "Code" -> {
                        if ("Codelist".equals(parent) && codes != null) {
                            codeId = attr(x, v20 ? "value" : "id");
                            codeNames = new LinkedHashMap<>();
                            countCode(x);
                        }
                    }
                    case "ConceptScheme" -> scheme = ref(x).toString();
                    case "Concept" -> {
                        if ("ConceptScheme".equals(parent) || (v20 && "Concepts".equals(parent))) {
                            conceptId = attr(x, "id");
                            concept = new ConceptB();
                            if (v20 && attr(x, "coreRepresentation") != null) {
                                concept.codelist = new Ref(attr(x, "coreRepresentationAgency"),
                                        attr(x, "coreRepresentation"), null);
                            }
                            if (!"ConceptScheme".equals(parent)) {
                                scheme = "";
                            }
                        }
                    }
                    case "DataStructure" -> {
                        if ("DataStructures".equals(parent)) {
                            dsd = new DsdB();
                            dsd.ref = ref(x);
                        }
                    }
                    case "Dimension", "TimeDimension", "Attribute", "PrimaryMeasure", "Measure" -> {
                        if (dsd != null && parent.endsWith("List")) {
                            component = v20 ? component20(x, name, dsd.ref.agency()) : new ComponentB();
                            if (!v20) {
                                component.id = attr(x, "id");
                                component.role = role(name);
                            }
                        }
                    }
                    case "Dataflow" -> {
                        if ("Dataflows".equals(parent)) {
                            flowId = attr(x, "id");
                            flowNames = new LinkedHashMap<>();
                        }
                    }
                    case "Ref" -> reference(x, path, component, concept);
                    default -> {
                        // Not needed, or read by its children.
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                String at = path.peek();
                if ("Enumeration".equals(at) || "ConceptIdentity".equals(at) || "URN".equals(at)) {
                    if (text.length() < 2000) {
                        text.append(x.getText());
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                switch (name) {
                    case "Enumeration", "ConceptIdentity", "URN" -> {
                        String urn = text.toString().strip();
                        text.setLength(0);
                        if (urn.startsWith("urn:")) {
                            urn(urn, name.equals("URN") ? path.peek() : name, path, component, concept);
                        }
                    }
                    case "Code" -> {
                        if (codeId != null && codes != null) {
                            codes.putIfAbsent(codeId, new Code(codeId, Map.copyOf(codeNames)));
                            codeId = null;
                        }
                    }
                    case "Codelist" -> {
                        if (keepCodelist(codelistRef, codelistNames, codes)) {
                            codelistRef = null;
                            codes = null;
                        }
                    }
                    case "Concept" -> {
                        if (concept != null && conceptId != null && scheme != null) {
                            concepts.putIfAbsent(scheme + "." + conceptId, concept);
                            conceptsById.putIfAbsent(conceptId, concept);
                            concept = null;
                            conceptId = null;
                        }
                    }
                    case "Dimension", "TimeDimension", "Attribute", "PrimaryMeasure", "Measure" -> {
                        if (component != null && dsd != null && path.peek().endsWith("List")) {
                            if (component.id == null && component.concept != null) {
                                component.id = component.concept.id();
                            }
                            if (component.id != null) {
                                dsd.components.add(component);
                            }
                            component = null;
                        }
                    }
                    case "DataStructure" -> {
                        if (dsd != null) {
                            dsds.add(dsd);
                            dsd = null;
                        }
                    }
                    case "Dataflow" -> flowId = keepFlow(flowId, flowNames);
                    default -> {
                        // nothing to finish
                    }
                }
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", x.getLocation());
            }
        }
    }

    private static Role role(String element) {
        return switch (element) {
            case "Dimension" -> Role.DIMENSION;
            case "TimeDimension" -> Role.TIME_DIMENSION;
            case "Attribute" -> Role.ATTRIBUTE;
            default -> Role.MEASURE;
        };
    }

    /**
     * An SDMX-ML 2.0 element under the name of its 2.1 counterpart, so that one walk reads both: {@code CodeLists/
     * CodeList} are {@code Codelists/Codelist}, {@code KeyFamilies/KeyFamily} {@code DataStructures/DataStructure}, and
     * a key family's {@code Components} a component list. The rest of 2.0 differs in attributes, read where it is met:
     * codes by {@code value} named by {@code Description}s, concepts directly under {@code Concepts} with a
     * {@code coreRepresentation}, components naming {@code conceptRef} and {@code codelist} ({@link #component20}).
     */
    private static String as21(String name) {
        return switch (name) {
            case "CodeLists" -> "Codelists";
            case "CodeList" -> "Codelist";
            case "KeyFamilies" -> "DataStructures";
            case "KeyFamily" -> "DataStructure";
            case "Components" -> "ComponentList";
            default -> name;
        };
    }

    /** A name (or 2.0 code description) into {@code target} under its language, cut to its length; consumes it. */
    private static void name(XMLStreamReader x, Map<String, String> target) throws XMLStreamException {
        String lang = lang(x);
        String value = x.getElementText().strip();
        value = value.length() > MAX_NAME ? value.substring(0, MAX_NAME - 1) + "…" : value;
        if (target != null && !value.isEmpty()) {
            target.putIfAbsent(lang, value);
        }
    }

    private void countCode(XMLStreamReader x) throws TabularException {
        if (++codeCount > MAX_CODES) {
            throw new TabularException("tabular.sdmxstructure.tooManyCodes", here(x), MAX_CODES);
        }
    }

    /** Keeps a code list read to its end; false when none was being read. */
    private boolean keepCodelist(Ref ref, Map<String, String> names, Map<String, Code> codes) {
        if (ref == null || codes == null) {
            return false;
        }
        codelists.putIfAbsent(ref.toString(), new Codelist(ref, Map.copyOf(names),
                java.util.Collections.unmodifiableMap(codes)));
        return true;
    }

    /** Keeps a dataflow's names read to its end; the id to go on with (none). */
    private String keepFlow(String id, Map<String, String> names) {
        if (id != null) {
            flows.putIfAbsent(id, Map.copyOf(names));
        }
        return null;
    }

    /** A 2.0 component: its concept and code list named by attributes, the key family's agency by default. */
    private static ComponentB component20(XMLStreamReader x, String element, String agency) {
        ComponentB c = new ComponentB();
        String concept = attr(x, "conceptRef");
        c.id = concept;
        c.role = role(element);
        if (concept != null) {
            String conceptAgency = attr(x, "conceptAgency");
            c.concept = new Ref(conceptAgency != null ? conceptAgency : agency, concept, null);
            String schemeId = attr(x, "conceptSchemeRef");
            if (schemeId != null) {
                String schemeAgency = attr(x, "conceptSchemeAgency");
                c.conceptScheme = new Ref(schemeAgency != null ? schemeAgency : agency, schemeId,
                        attr(x, "conceptSchemeVersion")).toString();
            }
        }
        String list = attr(x, "codelist");
        if (list != null) {
            String listAgency = attr(x, "codelistAgency");
            c.codelist = new Ref(listAgency != null ? listAgency : agency, list, attr(x, "codelistVersion"));
        }
        return c;
    }

    /** A 2.1 {@code <Ref>}: inside ConceptIdentity the concept, inside Enumeration the code list. */
    private void reference(XMLStreamReader x, Deque<String> path, ComponentB component, ConceptB concept) {
        String in = parentOf(path);
        String id = attr(x, "id");
        if (id == null) {
            return;
        }
        if ("ConceptIdentity".equals(in) && component != null) {
            String schemeId = attr(x, "maintainableParentID");
            component.concept = new Ref(attr(x, "agencyID"), id, null);
            if (schemeId != null) {
                component.conceptScheme = new Ref(attr(x, "agencyID"), schemeId,
                        attr(x, "maintainableParentVersion")).toString();
            }
        } else if ("Enumeration".equals(in)) {
            Ref list = new Ref(attr(x, "agencyID"), id, attr(x, "version"));
            if (inside(path, "LocalRepresentation") && component != null) {
                component.codelist = list;
            } else if (inside(path, "CoreRepresentation") && concept != null) {
                concept.codelist = list;
            }
        }
    }

    /** A URN, as 3.0 writes references (and 2.1 may, in a {@code <URN>} element). */
    private void urn(String urn, String in, Deque<String> path, ComponentB component, ConceptB concept) {
        Matcher m = URN.matcher(urn);
        String agency;
        String id;
        String ver;
        String child;
        if (m.find()) {
            agency = m.group(1);
            id = m.group(2);
            ver = m.group(3);
            child = m.group(4);
        } else {
            Matcher n = URN_NO_VERSION.matcher(urn);
            if (!n.find()) {
                return;
            }
            agency = n.group(1);
            id = n.group(2);
            ver = null;
            child = n.group(3);
        }
        if ("ConceptIdentity".equals(in) && component != null && child != null) {
            component.concept = new Ref(agency, child, null);
            component.conceptScheme = new Ref(agency, id, ver).toString();
        } else if ("Enumeration".equals(in)) {
            Ref list = new Ref(agency, id, ver);
            if (inside(path, "LocalRepresentation") && component != null) {
                component.codelist = list;
            } else if (inside(path, "CoreRepresentation") && concept != null) {
                concept.codelist = list;
            }
        }
    }

    private static String parentOf(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.hasNext() ? it.next() : null;
    }

    private static boolean inside(Deque<String> path, String name) {
        for (String p : path) {
            if (p.equals(name)) {
                return true;
            }
            if (p.equals("Concept") || p.endsWith("List")) {
                return false;
            }
        }
        return false;
    }

    private static Ref ref(XMLStreamReader x) {
        return new Ref(attr(x, "agencyID"), attr(x, "id"), attr(x, "version"));
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The primary language subtag, lower-cased ("en-GB" → "en"); "" when none is given. */
    private static String lang(XMLStreamReader x) {
        String l = x.getAttributeValue(javax.xml.XMLConstants.XML_NS_URI, "lang");
        if (l == null) {
            l = x.getAttributeValue(null, "lang");
        }
        if (l == null) {
            return "";
        }
        int dash = l.indexOf('-');
        return (dash > 0 ? l.substring(0, dash) : l).strip().toLowerCase(Locale.ROOT);
    }
}
