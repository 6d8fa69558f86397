package kz.agyn.registry.cohorts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import kz.agyn.registry.obligation.ObligationState;

/**
 * One group of a {@link CohortTable}, or its total. Every share is a {@link Share} with its Wilson interval;
 * the definitions, all as of the table's {@code asOf} and over graduates only, are:
 * <ul>
 *   <li>{@code abroad} = graduates abroad / graduates, abroad as {@link CohortRecord#abroadOn}: not back after
 *       the deadline (or in a debt state without a return), or back and gone again; deferrals excluded;</li>
 *   <li>{@code returnRate} = graduates back / graduates due back ({@link CohortRecord#dueBy}: back, or past
 *       the deadline without an approved deferral), so that a cohort still within its deadline does not look
 *       like a failure;</li>
 *   <li>{@code states}: for every {@link ObligationState}, graduates in that state / graduates (WORKING_OFF is
 *       "back and working off"); the states partition the graduates, so these add up to one;</li>
 *   <li>{@code debt} = graduates in IN_BREACH, REPAYING, REPAID or WRITTEN_OFF / graduates;</li>
 *   <li>{@code fulfilmentRate} = FULFILLED / (FULFILLED + the four debt states): of the obligations that have
 *       come to an end one way or the other (a breach, once declared, cannot end in fulfilment), the share
 *       ended by working them off;</li>
 *   <li>{@code sectors}: for each {@link SectorGroup}, returnees whose job under the table's
 *       {@link SectorBasis} falls in the group / returnees with such a job recorded; they add up to one.
 *       Returnees without a job are left out of the base, not counted as a fourth sector.</li>
 * </ul>
 * In a blanked row {@code graduates} is null and every share is {@link Share#HIDDEN}.
 *
 * @param key            the group ({@link Breakdown#keyOf}), null for "not recorded"; null in the total row too,
 *                       which {@link CohortTable#total()} tells apart
 * @param graduates      graduates in the group, or null if blanked
 * @param suppression    whether and why the row is hidden from viewers who may not see small numbers
 * @param abroad         share abroad
 * @param returnRate     share of those due back who are back
 * @param debt           share in a debt state
 * @param fulfilmentRate share of ended obligations that were fulfilled
 * @param states         share in each obligation state, in declaration order
 * @param sectors        share of returnees with a job in each sector group
 */
public record CohortRow(String key, Long graduates, Suppression suppression, Share abroad, Share returnRate,
                        Share debt, Share fulfilmentRate, Map<ObligationState, Share> states,
                        Map<SectorGroup, Share> sectors) {

    public CohortRow {
        states = Collections.unmodifiableMap(new EnumMap<>(states));
        sectors = Collections.unmodifiableMap(new EnumMap<>(sectors));
    }

    /** Share of graduates back and working off. */
    public Share workingOff() {
        return states.get(ObligationState.WORKING_OFF);
    }

    /** Share of graduates who fulfilled the obligation. */
    public Share fulfilled() {
        return states.get(ObligationState.FULFILLED);
    }

    /** Share of graduates in a given state. */
    public Share state(ObligationState state) {
        return states.get(state);
    }

    /** Share of returnees with a job in a given sector group. */
    public Share sector(SectorGroup group) {
        return sectors.get(group);
    }

    /** Whether the row is hidden from viewers who may not see small numbers. */
    public boolean suppressed() {
        return suppression != Suppression.NONE;
    }

    /** This row with every number hidden, keeping the key and the reason. */
    public CohortRow blank() {
        Map<ObligationState, Share> hiddenStates = new EnumMap<>(ObligationState.class);
        for (ObligationState s : ObligationState.values()) {
            hiddenStates.put(s, Share.HIDDEN);
        }
        Map<SectorGroup, Share> hiddenSectors = new EnumMap<>(SectorGroup.class);
        for (SectorGroup g : SectorGroup.values()) {
            hiddenSectors.put(g, Share.HIDDEN);
        }
        return new CohortRow(key, null, suppression, Share.HIDDEN, Share.HIDDEN, Share.HIDDEN, Share.HIDDEN,
                hiddenStates, hiddenSectors);
    }

    CohortRow withSuppression(Suppression s) {
        return new CohortRow(key, graduates, s, abroad, returnRate, debt, fulfilmentRate, states, sectors);
    }
}
