package kz.agyn.reference;

/** An ISO 4217 currency. */
public record CurrencyInfo(String code, String numericCode, Integer minorUnits, Names names) {
}
