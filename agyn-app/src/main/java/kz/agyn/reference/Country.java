package kz.agyn.reference;

/** An ISO 3166-1 country with its main ISO 4217 currency, if any. */
public record Country(String iso2, String iso3, String numericCode, Names names, String currency) {
}
