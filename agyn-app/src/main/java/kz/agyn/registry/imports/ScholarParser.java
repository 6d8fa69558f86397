package kz.agyn.registry.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.agyn.kernel.Iin;
import kz.agyn.kernel.IinCheck;
import kz.agyn.kernel.Sex;
import kz.agyn.tabular.Location;

/**
 * The scholars file: one person a row, the IIN checked by its digit and against the birth date and sex given
 * beside it. A reference given twice in the files is reported at its second row; the IIN's uniqueness needs
 * every row and the registry, and is {@link RegistryImportChecks}'s. {@code fileScholars} gathers the
 * references read, for the awards and jobs files that follow.
 */
record ScholarParser(Set<String> fileScholars) implements RowParser<ScholarParser.ScholarIn> {

    /** A scholar's row, checked; {@code at} is its file, sheet and row. */
    record ScholarIn(Location at, String ref, Iin iin, String sex, int birthYear, String lastKk, String firstKk,
                     String patronymicKk, String nameRu, String nameLatin, String email, String phone,
                     boolean synthetic) {
    }

    private static final List<String> REQUIRED = List.of("scholar_ref", "iin", "last_name_kk", "first_name_kk");

    @Override
    public List<String> required() {
        return REQUIRED;
    }

    @Override
    public ScholarIn parse(Cells c) {
        String ref = c.ref("scholar_ref");
        String iinText = c.required("iin");
        IinCheck check = iinText == null ? null : Iin.check(iinText);
        if (check != null && !check.valid()) {
            c.problem("iin", "iin.reason." + check.reason().name());
        }
        LocalDate birth = c.date("birth_date", false);
        if (birth != null && check != null && check.valid() && !birth.equals(check.birthDate())) {
            c.problem("birth_date", "registry.scholar.birthDateMismatch");
        }
        String sexText = c.optional("sex");
        String sex = check != null && check.valid() ? (check.sex() == Sex.MALE ? "M" : "F") : null;
        if (sexText != null && sex != null && !sexText.toUpperCase(Locale.ROOT).startsWith(sex)) {
            c.problem("sex", "registry.scholar.sexMismatch");
        }
        String last = c.name("last_name_kk", true);
        String first = c.name("first_name_kk", true);
        String patronymic = c.name("patronymic_kk", false);
        String nameRu = c.joined("last_name_ru", "first_name_ru", "patronymic_ru");
        String nameLatin = c.joined("last_name_latin", "first_name_latin", "patronymic_latin");
        String email = c.optional("email");
        String phone = c.optional("phone");
        boolean synthetic = c.bool("synthetic");
        if (ref != null && !fileScholars.add(ref)) {
            c.problem("scholar_ref", "registry.import.duplicateRef", ref);
            return null;
        }
        if (c.bad()) {
            return null;
        }
        return new ScholarIn(c.at(), ref, Iin.parse(iinText), sex, check.birthDate().getYear(), last, first,
                patronymic, nameRu, nameLatin, email, phone, synthetic);
    }
}
