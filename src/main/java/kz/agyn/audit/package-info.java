/**
 * The audit log: an append-only record of who viewed, searched, exported, changed or anonymised personal data,
 * when, through which channel and about which record — never the data itself. Features that hold personal data
 * call {@link kz.agyn.audit.AuditLog#record} before they answer; administrators browse the log.
 */
package kz.agyn.audit;
