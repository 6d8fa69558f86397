package kz.agyn.residency.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import kz.agyn.residency.engine.Period;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the page's upload form and the API's upload both take — the period's first month, its length and the
 * register extracts file — read the same way: blank means the default period; the refusal is a message code of
 * {@code i18n/residency*.properties}. The files' content is the run's business (all or nothing, located).
 */
record UploadRequest(Period period, String refusal) {

    static UploadRequest of(String from, String months, MultipartFile extracts) {
        Period d = Period.defaultPeriod();
        YearMonth start = d.start();
        if (from != null && !from.isBlank()) {
            try {
                start = YearMonth.parse(from.strip());
            } catch (DateTimeParseException e) {
                return new UploadRequest(null, "residency.upload.badFrom");
            }
        }
        int n = d.months();
        if (months != null && !months.isBlank()) {
            try {
                n = Integer.parseInt(months.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > Period.MAX_MONTHS) {
                return new UploadRequest(null, "residency.upload.badMonths");
            }
        }
        if (extracts == null || extracts.isEmpty()) {
            return new UploadRequest(null, "residency.upload.noExtracts");
        }
        return new UploadRequest(new Period(start, n), null);
    }

    /** An optional file: null when none was chosen (a browser sends an empty part). */
    static MultipartFile given(MultipartFile file) {
        return file == null || file.isEmpty() ? null : file;
    }
}
