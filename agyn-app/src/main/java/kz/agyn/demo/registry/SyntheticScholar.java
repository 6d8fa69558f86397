package kz.agyn.demo.registry;

import java.time.LocalDate;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;

/**
 * One synthetic scholar. Birth date and sex are those the IIN encodes; they are repeated here because the import
 * format carries them, so that the importer's cross-check has something to check.
 *
 * @param ref the external key linking the three CSV files, {@code BOL-000001}…
 * @param kazakh the name in Kazakh Cyrillic
 * @param russian the name in Russian Cyrillic
 * @param latin the name in the 2021 Kazakh Latin alphabet (see {@code docs/formats/registry.md})
 * @param email at the reserved domain {@code synthetic.example}
 * @param phone E.164, {@code +77xx000xxxx}
 */
public record SyntheticScholar(String ref, Iin iin, LocalDate birthDate, Sex sex, PersonName kazakh,
        PersonName russian, PersonName latin, String email, String phone, boolean synthetic) {

    @Override
    public String toString() {
        return "SyntheticScholar[" + ref + "]";
    }
}
