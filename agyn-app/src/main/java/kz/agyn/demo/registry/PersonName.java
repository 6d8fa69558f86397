package kz.agyn.demo.registry;

/**
 * A name in one script.
 *
 * @param patronymic null for people without one (and for surnames of the -ұлы/-қызы kind, which replace it)
 */
public record PersonName(String last, String first, String patronymic) {

    /** Names are personal data even when synthetic: habits formed here carry over to real records. */
    @Override
    public String toString() {
        return "PersonName[***]";
    }
}
