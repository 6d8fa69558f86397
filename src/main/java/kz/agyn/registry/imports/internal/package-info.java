/** The stored record of each bulk import ({@code reg_import_run}): counts and status, no row's content. */
package kz.agyn.registry.imports.internal;
