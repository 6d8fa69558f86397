package kz.agyn.warehouse.web;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kz.agyn.warehouse.ImportOutcome;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;

/**
 * The import report with what accepting it did ({@link ImportOutcome}) and a sentence that says so in the reader's
 * language: a new version, or a file already stored as an earlier version, and which version is current.
 */
record AcceptOutcome(@JsonUnwrapped ImportReport report, Boolean newVersion, Boolean current,
                     Integer currentVersion, String message) {

    static AcceptOutcome of(ImportReport report, Warehouse warehouse, MessageSource messages, Locale locale) {
        return warehouse.outcome(report).map(o -> new AcceptOutcome(report, o.newVersion(), o.current(),
                        o.currentVersion(), message(o, messages, locale)))
                .orElseGet(() -> new AcceptOutcome(report, null, null, null, null));
    }

    static String message(ImportOutcome o, MessageSource messages, Locale locale) {
        String m = messages.getMessage(o.key(), new Object[] {o.version()}, locale);
        if (!o.current() && o.currentVersion() != null) {
            m += " " + messages.getMessage("imports.notCurrent", new Object[] {o.version(), o.currentVersion()},
                    locale);
        }
        return m;
    }
}
