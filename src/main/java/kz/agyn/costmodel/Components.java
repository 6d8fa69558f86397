package kz.agyn.costmodel;

/**
 * The parts of a cost, in tenge, adding up to {@code net}:
 * net = educationInvested + lostTaxes + lostOutput + replacement − remittances + returnOffset.
 * Per emigrant, or multiplied by the number of emigrants for a level's or the year's total. The formulas are in
 * {@link CostModel}.
 *
 * @param educationInvested public spending on the emigrant's education, scholarship net of recoveries included
 * @param lostTaxes         present value of income tax and contributions over the remaining working life
 * @param lostOutput        present value of the productivity premium over the remaining working life
 * @param replacement       cost of hiring and training a replacement
 * @param remittances       present value of remittances over the remaining working life (an offset, ≥ 0,
 *                          subtracted)
 * @param returnOffset      −p × (educationInvested + lostTaxes + lostOutput − remittances), the part a return
 *                          with probability p gives back (≤ 0 unless remittances outweigh the losses)
 * @param net               the cost
 */
public record Components(double educationInvested, double lostTaxes, double lostOutput, double replacement,
                         double remittances, double returnOffset, double net) {

    /** Every part multiplied by {@code factor}, e.g. the number of emigrants. */
    public Components times(double factor) {
        return new Components(educationInvested * factor, lostTaxes * factor, lostOutput * factor,
                replacement * factor, remittances * factor, returnOffset * factor, net * factor);
    }

    /** Part-by-part sum. */
    public Components plus(Components o) {
        return new Components(educationInvested + o.educationInvested, lostTaxes + o.lostTaxes,
                lostOutput + o.lostOutput, replacement + o.replacement, remittances + o.remittances,
                returnOffset + o.returnOffset, net + o.net);
    }

    static final Components ZERO = new Components(0, 0, 0, 0, 0, 0, 0);
}
