/**
 * The work-off obligation of a state scholar, computed by one engine, so that the scholar registry's pages,
 * REST API, nightly monitoring and bulk recomputation all get the same answer from the same facts.
 *
 * <p>Inputs are immutable records: the {@link kz.agyn.registry.obligation.AwardFacts award}, the
 * {@link kz.agyn.registry.obligation.ObligationRules rule set} that applied to it (rule sets are versioned
 * data per programme, picked by a {@link kz.agyn.registry.obligation.RuleBook}), the scholar's
 * {@link kz.agyn.registry.obligation.EmploymentEpisode employment episodes}, approved
 * {@link kz.agyn.registry.obligation.Deferral deferrals} and officers'
 * {@link kz.agyn.registry.obligation.Decision decisions}. {@link kz.agyn.registry.obligation.ObligationEngine}
 * turns them into an {@link kz.agyn.registry.obligation.ObligationStatus} as of a date; the reasons in it are
 * codes for the web layer to translate. {@link kz.agyn.registry.obligation.Transition} says which change of
 * state to record, and refuses the changes the state machine does not allow.
 *
 * <p>That engine is pure domain code and depends only on the JDK and {@code kz.agyn.kernel}. Beside it,
 * {@link kz.agyn.registry.obligation.ObligationService} applies it to the stored records and keeps the result
 * (the stored evaluation that worklists and cohorts read, a status-history row for every change of state), records
 * officers' decisions after the state machine allows them, and keeps the rule sets as text
 * ({@link kz.agyn.registry.obligation.RuleText}) with their editor.
 */
package kz.agyn.registry.obligation;
