/** The monitoring pass as set-based SQL, the worklist's queries, and the pass run once at start-up. */
package kz.agyn.registry.monitoring.internal;
