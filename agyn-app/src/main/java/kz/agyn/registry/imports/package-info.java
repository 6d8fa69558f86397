/**
 * Bulk import of the registry from the three files of docs/formats/registry.md (scholars, awards, employments;
 * CSV or XLSX): every row read and checked by the parser of its kind of file
 * ({@link kz.agyn.registry.imports.RegistryFileReader}), the rows checked against each other and the registry
 * ({@link kz.agyn.registry.imports.RegistryImportChecks}), and a clean set written with COPY
 * ({@link kz.agyn.registry.imports.RegistryImportWriter}) in one transaction, which
 * {@link kz.agyn.registry.imports.RegistryImport} orchestrates; imports run as jobs that can be followed and
 * cancelled ({@link kz.agyn.registry.imports.RegistryImportJobs}). Problems are kept untranslated and put into
 * words for whoever reads the report.
 */
package kz.agyn.registry.imports;
