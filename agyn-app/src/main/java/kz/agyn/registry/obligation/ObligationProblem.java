package kz.agyn.registry.obligation;

import kz.agyn.kernel.UserException.Kind;

/** Why the obligation code refused something; each has a message key for the web layer. */
public enum ObligationProblem {
    /** A rule set lacks a key that has no default. */
    MISSING("missing", Kind.INVALID),
    /** A rule set has a key the engine does not know: most likely a typo that would silently be ignored. */
    UNKNOWN_KEY("unknownKey", Kind.INVALID),
    /** Not a whole number. */
    NOT_A_NUMBER("notANumber", Kind.INVALID),
    /** Not a decimal number. */
    NOT_A_DECIMAL("notADecimal", Kind.INVALID),
    /** Not an ISO date (yyyy-mm-dd). */
    NOT_A_DATE("notADate", Kind.INVALID),
    /** Not "true" or "false". */
    NOT_A_BOOLEAN("notABoolean", Kind.INVALID),
    /** Not one of the enumerated values. */
    NOT_AN_OPTION("notAnOption", Kind.INVALID),
    /** A number outside its allowed range. */
    OUT_OF_RANGE("outOfRange", Kind.INVALID),
    /** A negative amount. */
    NEGATIVE("negative", Kind.INVALID),
    /** An amount in a currency other than tenge. */
    NOT_TENGE("notTenge", Kind.INVALID),
    /** A KATO prefix that is not 1–9 digits. */
    BAD_REGION_PREFIX("badRegionPrefix", Kind.INVALID),
    /** An ISCO-08 prefix that is not 1–4 digits. */
    BAD_ISCO_PREFIX("badIscoPrefix", Kind.INVALID),
    /** An ISCED-F field that is not 2 or 3 digits. */
    BAD_FIELD("badField", Kind.INVALID),
    /** A country that is not an ISO alpha-2 code. */
    BAD_COUNTRY("badCountry", Kind.INVALID),
    /** A period whose end precedes its start. */
    DATES_OUT_OF_ORDER("datesOutOfOrder", Kind.INVALID),
    /** A programme code that is blank or has characters outside A–Z, 0–9, '_' and '-'. */
    BAD_PROGRAMME("badProgramme", Kind.INVALID),
    /** The rule set given is not the one of the award's programme and version. */
    RULES_MISMATCH("rulesMismatch", Kind.INVALID),
    /** No rule set of the programme covers the award. */
    NO_RULES("noRules", Kind.NOT_FOUND),
    /** Two rule sets with the same programme and version. */
    DUPLICATE_VERSION("duplicateVersion", Kind.CONFLICT),
    /** The state machine has no such edge. */
    ILLEGAL_TRANSITION("illegalTransition", Kind.CONFLICT),
    /** Evaluation tried to enter a state that only an officer's decision may enter. */
    NEEDS_DECISION("needsDecision", Kind.CONFLICT),
    /** A decision that does not fit the state the obligation was in on its date. */
    ILLEGAL_DECISION("illegalDecision", Kind.CONFLICT),
    /** A breach declared on or after the day the obligation was fulfilled. */
    BREACH_AFTER_FULFILMENT("breachAfterFulfilment", Kind.CONFLICT),
    /** A correction must say who made it and why. */
    CORRECTION_WITHOUT_REASON("correctionWithoutReason", Kind.INVALID);

    private final String key;
    private final Kind kind;

    ObligationProblem(String key, Kind kind) {
        this.key = "obligation.error." + key;
        this.kind = kind;
    }

    /** The message key, e.g. "obligation.error.notANumber"; its arguments are the field and the value. */
    public String key() {
        return key;
    }

    /** How the web layer should answer. */
    public Kind kind() {
        return kind;
    }
}
