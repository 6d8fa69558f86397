/**
 * Register extracts held in memory column by column (one primitive array per field, indexed by person), their
 * CSV reader and writer, and the checks that refuse bad input with located messages
 * ({@code i18n/residency*.properties}). Plain Java: no Spring, no database, no other Agyn feature but the kernel.
 *
 * <p>Why columnar: a country is 20 M persons × 12 registers × up to 32 months. One {@code int} per person and
 * register holds a register's months as bits, so the whole input is 48 bytes a person plus its attributes, with no
 * object per person or per month; the estimator walks the arrays in order on every core (decision 0044).
 */
package kz.agyn.residency.engine;
