package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What a note reads of the adopted measures (kz.agyn.measure provides it): a measure's KPI as it stood on a day.
 * Declared here and implemented there because the measures already depend on the note's published figures
 * (through the registry): the note may not depend on them in turn.
 */
public interface MeasureKpis {

    /**
     * A measure's KPI, or {@code problem} (a message key) when its values cannot be read (an indicator since
     * removed).
     */
    record Found(KpiFigures figures, String problem) {
    }

    /** The measure named by its number or by its name in any of the three languages; empty when there is none. */
    Optional<Found> kpi(String measure, LocalDate day, Locale locale);
}
