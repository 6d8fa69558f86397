package kz.agyn.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.agyn.note.writer.KpiFigures;
import kz.agyn.note.writer.MeasureKpis;
import org.springframework.stereotype.Component;

/**
 * A measure's KPI as the note writer reads it: the board's figures (actual values, projection, light) judged as of
 * the note's date, kept as plain figures so that an issued note is written again as it was.
 */
@Component
class NoteMeasureKpis implements MeasureKpis {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final MeasureService measures;

    NoteMeasureKpis(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public Optional<Found> kpi(String asked, LocalDate day, Locale locale) {
        String n = asked == null ? "" : asked.trim();
        Optional<Measure> found = measures.measures().stream().filter(x -> (NUMBER.matcher(n).matches()
                && x.id() == Long.parseLong(n)) || n.equalsIgnoreCase(x.names().kk())
                || n.equalsIgnoreCase(x.names().ru()) || n.equalsIgnoreCase(x.names().en())).findFirst();
        return found.map(m -> {
            KpiReport r = measures.kpi(m, locale, day);
            List<KpiFigures.Point> actual = r.actual().stream()
                    .map(p -> new KpiFigures.Point(p.year(), p.value())).toList();
            List<KpiFigures.Source> sources = new ArrayList<>();
            for (KpiReport.Source s : r.sources()) {
                Integer version = null;
                if (s.code() != null) {
                    // A warehouse value's detail is "dataset vN": the version read, for the reference.
                    for (KpiPoint p : r.actual()) {
                        if (p.detail() != null && p.detail().startsWith(s.code() + " v")) {
                            version = Integer.valueOf(p.detail().substring(s.code().length() + 2).trim());
                        }
                    }
                }
                sources.add(new KpiFigures.Source(s.kind().name(), s.code(), version, s.synthetic()));
            }
            Projection.Point p = r.projection() == null ? null
                    : r.projection().at(m.deadline().getYear()).orElse(null);
            KpiFigures f = new KpiFigures(m.id(), m.names(), m.owner(), m.unit().name(),
                    m.baseline().value().doubleValue(), m.baseline().year(), m.target().value().doubleValue(),
                    m.target().year(), m.deadline(), actual, p == null ? null : p.value(),
                    p == null ? null : p.lower(), p == null ? null : p.upper(),
                    r.projection() == null ? null : r.projection().method(),
                    r.projection() == null ? null : r.projection().level(), r.light().name(),
                    r.verdict().reason(), sources);
            return new Found(f, r.problem());
        });
    }
}
