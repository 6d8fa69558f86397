/**
 * Cohort analytics of the scholar registry: the note's Table 3 and the programme's outcomes computed from the
 * records, per graduation year, call year, host country, field, degree or sex.
 *
 * <p>Input is a list of immutable {@link kz.agyn.registry.cohorts.CohortRecord}s, one per award, carrying the
 * obligation state already evaluated as of one date and no personal data. From them:
 * <ul>
 *   <li>{@link kz.agyn.registry.cohorts.CohortTable}: per group, graduates, the shares abroad, in each
 *       obligation state and in debt, the return and fulfilment rates and the sector split of returnees,
 *       each with a Wilson 95% interval ({@link kz.agyn.registry.cohorts.Share}), with small cells marked and,
 *       for viewers who may not see them, blanked so that totals cannot give them back;</li>
 *   <li>{@link kz.agyn.registry.cohorts.Table3}: the note's programme-level shares against the registry's, and
 *       whether each lies within sampling error;</li>
 *   <li>{@link kz.agyn.registry.cohorts.KaplanMeier}: the time from the end of study to return, as a step
 *       curve with Greenwood errors and log-log intervals and a median, checked against R's survival
 *       package.</li>
 * </ul>
 * Every formula is in the Javadoc of the type that applies it, so that the pages can show it.
 *
 * <p>Those computations are pure domain code: they depend on the JDK, {@code kz.agyn.kernel} and
 * {@code kz.agyn.registry.obligation} only, and are the same for the dashboard, the REST API and exports.
 * {@link kz.agyn.registry.cohorts.CohortService} reads the records, evaluated as of the day asked, and hands out
 * only aggregates ({@link kz.agyn.registry.cohorts.CohortReport}), suppressed for callers who may not see small
 * numbers.
 */
package kz.agyn.registry.cohorts;
