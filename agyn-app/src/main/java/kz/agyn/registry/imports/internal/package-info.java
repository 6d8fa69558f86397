/**
 * The SQL of bulk imports: the stored record of each ({@code reg_import_run}: counts and status, no row's
 * content), and what an import asks of the registry before it writes.
 */
package kz.agyn.registry.imports.internal;
