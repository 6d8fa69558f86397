/**
 * The state-scholar registry: every Bolashak scholar, their awards, their jobs after study and where each stands
 * in the work-off obligation, with the programme's rules as versioned data. Personal data are encrypted at rest
 * ({@link kz.agyn.registry.pii}), shown in full only to registry officers and administrators, pseudonymised for
 * analysts and never shown to viewers; every read of them is written to the audit log.
 */
package kz.agyn.registry;
