/**
 * Storage shared by the registry's sub-features: the rows of scholars, awards, jobs, deferrals, decisions, status
 * history, rule sets and stored obligations ({@link kz.agyn.registry.internal.RegistryRepository}, still
 * encrypted where personal), and the list of free-text columns that are encrypted
 * ({@link kz.agyn.registry.internal.EncryptedText}). The scholars' records, the obligation, the import and the
 * re-key job all read and write these tables, so they are kept here rather than inside one of them. Depends on
 * no sub-feature.
 */
package kz.agyn.registry.internal;
