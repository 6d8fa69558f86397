package kz.agyn.registry.scholars;

import java.time.LocalDate;

/**
 * A scholar as entered. {@code birthDate} and {@code sex} may be left out: they are read from the IIN, and when
 * given they must agree with it. {@code nameRu} and {@code nameLatin} are the full name in Russian and Latin
 * script as in the passport, if they differ from the Kazakh spelling.
 */
public record NewScholar(String iin, String lastName, String firstName, String patronymic, String nameRu,
                         String nameLatin, String email, String phone, LocalDate birthDate, String sex,
                         Boolean synthetic) {
}
