package kz.agyn.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The respondent profile: the dimensions estimates can be broken down by and weights raked on. Each is
 * filled by the profile question of the same code.
 */
public enum ProfileField {
    AGE_GROUP("age_group"),
    SEX("sex"),
    /** KATO code of a current region. */
    REGION("region"),
    /** ISCED 2011 level. */
    EDUCATION("education"),
    /** ISCO-08 major group. */
    OCCUPATION("occupation"),
    SECTOR("sector"),
    STUDIED_ABROAD("studied_abroad");

    private final String code;

    ProfileField(String code) {
        this.code = code;
    }

    /** The column and question code, e.g. "age_group". */
    public String code() {
        return code;
    }

    public static Optional<ProfileField> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.code.equals(k) || f.name().equalsIgnoreCase(k)).findFirst();
    }
}
