/**
 * Reading tables from the files people actually have — CSV (UTF-8 or Windows-1251, any delimiter, decimal comma),
 * statistics-bureau XLSX with multi-row headers and footnotes, SDMX-CSV and SDMX-ML — row by row, with every
 * problem located by file, sheet, row and column.
 *
 * <p>The readers only produce text cells and where they came from; what a column means and whether a code is
 * valid is decided by the importers that use them. Uploaded files are untrusted, so for any bytes a reader either
 * returns rows or throws {@link kz.agyn.tabular.TabularException}, with fixed caps on what it holds in memory.
 * The package depends on the JDK and Apache POI only, so the command line and batch jobs can use it without
 * Spring.
 */
package kz.agyn.tabular;
