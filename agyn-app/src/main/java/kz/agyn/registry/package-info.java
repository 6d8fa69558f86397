/**
 * The state-scholar registry: every Bolashak scholar, their awards, their jobs after study and where each stands
 * in the work-off obligation, with the programme's rules as versioned data. Personal data are encrypted at rest
 * ({@link kz.agyn.registry.keys}), shown in full only to registry officers and administrators, pseudonymised for
 * analysts and never shown to viewers; every read of them is written to the audit log.
 *
 * <p>The registry is split into sub-features, each a package with its own {@code web} (pages, endpoints, and
 * {@code cli} for commands) and {@code internal} (storage) code:
 * <ul>
 *   <li>{@link kz.agyn.registry.scholars}: the records (scholars, awards, jobs), the card, search, subject access
 *       and anonymisation;</li>
 *   <li>{@link kz.agyn.registry.obligation}: the work-off obligation: rules, engine, officers' decisions;</li>
 *   <li>{@link kz.agyn.registry.imports}: bulk import of the three files (and {@code agyn registry-import});</li>
 *   <li>{@link kz.agyn.registry.keys}: encryption of personal data, the keys and the re-key job;</li>
 *   <li>{@link kz.agyn.registry.monitoring}: the daily pass, its tasks and the officers' worklist;</li>
 *   <li>{@link kz.agyn.registry.incentives}: incentives for returnees, eligibility and cost;</li>
 *   <li>{@link kz.agyn.registry.cohorts}: the cohort dashboard (aggregates only).</li>
 * </ul>
 * The synthetic registry of the demonstration is not part of it: it lives with the other demonstration data in
 * {@code kz.agyn.demo.registry} and comes in through {@link kz.agyn.registry.imports}, as a user's files do.
 * A sub-feature uses another only through the classes at the top of its package, never its {@code internal},
 * {@code web} or {@code cli} code. What they all share lives here: who may see what ({@link
 * kz.agyn.registry.Access}), the registry's error ({@link kz.agyn.registry.RegistryException}), the day the
 * demonstration describes ({@link kz.agyn.registry.DemonstrationDay}, configuration), a CSV field of its exports
 * and the frame of its commands; and in {@link kz.agyn.registry.internal}, the storage of the records that several sub-features
 * read (scholars, awards, jobs, decisions, obligations).
 */
package kz.agyn.registry;
