/**
 * The registry's records: scholars, their awards and jobs as entered by officers, the scholar card (each award's
 * obligation evaluated today, a timeline), search by IIN, name or pseudonym, a subject-access copy and
 * anonymisation on request. {@link kz.agyn.registry.scholars.ScholarService} decrypts personal data for personal
 * access only and writes every read and change to the audit log. The code lists of awards and jobs (degree level,
 * security, salary band, evidence) are here as enums, for officers' forms, the bulk import and the synthetic
 * registry alike.
 */
package kz.agyn.registry.scholars;
