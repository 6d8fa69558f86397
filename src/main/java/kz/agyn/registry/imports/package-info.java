/**
 * Bulk import of the registry from the three files of docs/formats/registry.md (scholars, awards, employments;
 * CSV or XLSX): every row read and checked ({@link kz.agyn.registry.imports.RegistryRows}), the set checked
 * against the registry, and a clean set written in one transaction ({@link kz.agyn.registry.imports.RegistryImport});
 * imports run as jobs that can be followed and cancelled ({@link kz.agyn.registry.imports.RegistryImportJobs}).
 */
package kz.agyn.registry.imports;
