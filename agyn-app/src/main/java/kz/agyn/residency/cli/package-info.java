/**
 * {@code agyn residency generate|run}: the embedded engine from the command line, on files, without starting the
 * application (no database is needed to generate a country or estimate from extracts). Storing runs as jobs comes
 * with the product increment.
 */
package kz.agyn.residency.cli;
