package kz.agyn.registry.obligation;

/**
 * How work in places with different terms (5 years in the cities, 3 in the regions) adds up. The published rule
 * states both terms but not how a mixed period counts, so the rule set must say which reading the operator uses.
 */
public enum MixedPlaces {
    /**
     * Each day pays off its share of the term of the place it was worked in: a day in Almaty is 1/1,826 of a
     * five-year term, a day in Pavlodar 1/1,096 of a three-year one; the obligation is met when the shares add up
     * to one. Two years in Almaty (40% of five years) leave 60% of three years in Pavlodar.
     */
    PROPORTIONAL,
    /** Once any counted day falls in a place with the longer term, every day counts against the longer term. */
    LONGEST
}
