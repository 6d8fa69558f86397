/**
 * The audit log: an append-only record of who viewed, searched, exported, changed or anonymised personal data,
 * and of the security events (sign-ins and their failures and locks, accounts, roles, passwords, tokens, the
 * obligation and incentive rules), when, through which channel and about which record — never the personal data
 * itself, nor a password. Features call {@link kz.agyn.audit.AuditLog#record} (or
 * {@link kz.agyn.audit.AuditLog#recordAs} when the actor is not the signed-in user) before they answer;
 * administrators browse and filter the log by {@link kz.agyn.audit.AuditKind} and action.
 */
package kz.agyn.audit;
