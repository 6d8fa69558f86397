package kz.agyn.registry.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import kz.agyn.kernel.Iin;
import kz.agyn.registry.obligation.Sector;
import kz.agyn.registry.scholars.Evidence;
import kz.agyn.registry.scholars.SalaryBand;
import kz.agyn.tabular.Location;

/**
 * The employments file: one job a row, for a scholar of the files or of the registry; a job at home needs a region
 * that existed on its first day, and the codes are those of the registry's lists. A scholar's {@code seq} given
 * twice is {@link RegistryImportChecks}'s. {@code fileScholars} and {@code registryScholars} as for awards.
 */
record JobParser(Set<String> fileScholars, Set<String> registryScholars, ReferenceCodes codes)
        implements RowParser<JobParser.JobIn> {

    /** A job's row, checked; {@code at} is its file, sheet and row. */
    record JobIn(Location at, String scholarRef, int seq, String employer, String bin, Sector sector, String country,
                 String kato, String isco, SalaryBand band, LocalDate start, LocalDate end, Evidence evidence,
                 boolean synthetic) {
    }

    private static final List<String> REQUIRED = List.of("scholar_ref", "seq", "employer_name", "sector", "country",
            "start_date");
    private static final Pattern BIN = Pattern.compile("\\d{12}");

    @Override
    public List<String> required() {
        return REQUIRED;
    }

    @Override
    public JobIn parse(Cells c) {
        String scholarRef = c.scholarRef(fileScholars, registryScholars);
        Integer seq = c.integer("seq", 1, 99_999);
        String employer = c.required("employer_name");
        String bin = c.optional("employer_bin");
        if (bin != null && (!BIN.matcher(bin).matches()
                || Iin.checkDigit(bin.substring(0, 11)) != bin.charAt(11) - '0')) {
            c.problem("employer_bin", "registry.employment.badBin");
        }
        Sector sector = sector(c);
        String country = c.country("country", codes.countries());
        LocalDate start = c.date("start_date", true);
        LocalDate end = c.date("end_date", false);
        c.order("end_date", start, end, true);
        String kato = c.optional("kato");
        if ("KZ".equals(country) && start != null) {
            if (kato == null) {
                c.problem("kato", "registry.employment.regionRequired");
            } else if (!codes.regionOn(kato, start)) {
                c.problem("kato", "registry.import.regionNotOnDate", kato, start.toString());
            }
        }
        String isco = c.optional("isco_08");
        if (isco != null && !codes.isco().contains(isco)) {
            c.problem("isco_08", "registry.employment.badIsco", isco);
        }
        SalaryBand band = c.optionalCode("salary_band", SalaryBand.class);
        Evidence evidence = c.optionalCode("evidence", Evidence.class);
        boolean synthetic = c.bool("synthetic");
        if (c.bad()) {
            return null;
        }
        return new JobIn(c.at(), scholarRef, seq, employer, bin, sector, country, "KZ".equals(country) ? kato : null,
                isco, band, start, end, evidence, synthetic);
    }

    /** The sector as stored; the file says {@code RESEARCH} for {@link Sector#RESEARCH_HE}. */
    private static Sector sector(Cells c) {
        String text = c.required("sector");
        Sector sector = Cells.named(Sector.class, "RESEARCH".equals(text) ? Sector.RESEARCH_HE.name() : text);
        if (text != null && sector == null) {
            c.problem("sector", "registry.employment.badSector", text);
        }
        return sector;
    }
}
