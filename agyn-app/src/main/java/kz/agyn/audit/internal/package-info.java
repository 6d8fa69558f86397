/** Storage of audit events. */
package kz.agyn.audit.internal;
