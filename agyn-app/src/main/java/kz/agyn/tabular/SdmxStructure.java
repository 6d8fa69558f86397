package kz.agyn.tabular;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an SDMX structure message says about a dataflow's data: the data structure definition's components (dimensions,
 * attributes, measures), the concept each stands for, and the code list that codes it, with the codes' names in every
 * language the agency gives. Read from an SDMX-ML 2.1 or 3.0 structure message ({@link #read}) — the answer of an
 * agency's {@code /datastructure/…?references=children} or {@code /dataflow/…?references=all} — by
 * {@link SdmxStructureReader}.
 *
 * <p>{@code dsd} is the first data structure definition of the message (a message for one dataflow has one);
 * {@code otherDsds} names any further ones, which are not used. {@code flows} are the dataflows the message describes,
 * by id, with their names.
 */
public record SdmxStructure(String sdmxVersion, Ref dsd, Map<String, String> dsdNames, List<Ref> otherDsds,
                            Map<String, Component> components, Map<String, Codelist> codelists,
                            Map<String, Map<String, String>> flows) {

    /** A maintainable artefact as SDMX refers to it: {@code AGENCY:ID(VERSION)}; version may be empty. */
    public record Ref(String agency, String id, String version) {
        @Override
        public String toString() {
            return (agency == null || agency.isEmpty() ? "" : agency + ":") + id
                    + (version == null || version.isEmpty() ? "" : "(" + version + ")");
        }
    }

    /** A component's role in the data structure definition. */
    public enum Role {
        DIMENSION, TIME_DIMENSION, ATTRIBUTE, MEASURE
    }

    /**
     * A component: its id (the column of the data), its role, the concept it stands for (with the concept's names),
     * and its code list, if it is coded ({@code codelist} null for a free-text or numeric component).
     */
    public record Component(String id, Role role, String concept, Map<String, String> conceptNames,
                            Ref codelist) {
    }

    /** A code list: its names and its codes in the order the agency lists them. */
    public record Codelist(Ref ref, Map<String, String> names, Map<String, Code> codes) {
    }

    /** A code: its id (what the data say) and its names by language ({@code en}, {@code ru}, {@code kk} …). */
    public record Code(String id, Map<String, String> names) {
    }

    public SdmxStructure {
        dsdNames = Map.copyOf(dsdNames);
        otherDsds = List.copyOf(otherDsds);
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        codelists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codelists));
        flows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flows));
    }

    /**
     * Reads an SDMX-ML 2.0, 2.1 or 3.0 structure message. Anything else — a data message, a web page, damaged XML —
     * is a {@link TabularException} located at its line.
     */
    public static SdmxStructure read(InputStream in, String fileName) throws TabularException {
        return SdmxStructureReader.read(in, fileName);
    }

    /** The component whose id is the data's column {@code column} (compared without case), if any. */
    public Optional<Component> component(String column) {
        if (column == null) {
            return Optional.empty();
        }
        Component c = components.get(column.trim());
        if (c != null) {
            return Optional.of(c);
        }
        for (Component each : components.values()) {
            if (each.id().equalsIgnoreCase(column.trim())) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** The code list of column {@code column}, when the structure codes it and the message holds the list. */
    public Optional<Codelist> codelistOf(String column) {
        return component(column).map(Component::codelist).flatMap(this::codelist);
    }

    /**
     * A code list by its reference: the exact version, else the same agency and id (a reference may name a version
     * range, {@code 1.0+}, or none), else the id alone.
     */
    public Optional<Codelist> codelist(Ref ref) {
        if (ref == null) {
            return Optional.empty();
        }
        Codelist exact = codelists.get(ref.toString());
        if (exact != null) {
            return Optional.of(exact);
        }
        Codelist sameId = null;
        for (Codelist c : codelists.values()) {
            if (c.ref().id().equals(ref.id())) {
                if (ref.agency() == null || ref.agency().isEmpty() || ref.agency().equals(c.ref().agency())) {
                    return Optional.of(c);
                }
                sameId = sameId == null ? c : sameId;
            }
        }
        return Optional.ofNullable(sameId);
    }

    /**
     * A name in the reader's language: the language asked for, else English, else the first given; null when there
     * is none. Agyn speaks Kazakh, Russian and English; agencies mostly publish English (and French), some Russian.
     */
    public static String name(Map<String, String> names, Locale locale) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        String lang = locale == null ? "" : locale.getLanguage();
        String n = names.get(lang.isEmpty() ? "kk" : lang);
        if (n == null) {
            n = names.get("en");
        }
        return n != null ? n : names.values().iterator().next();
    }
}
