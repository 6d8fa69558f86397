/**
 * The work-off obligation of a state scholar, computed: pure domain code with no framework and no storage,
 * so that the scholar registry's pages, REST API, nightly monitoring and bulk recomputation all get the same
 * answer from the same facts.
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
 * <p>Depends only on the JDK and {@code kz.agyn.kernel}.
 */
package kz.agyn.registry.obligation;
