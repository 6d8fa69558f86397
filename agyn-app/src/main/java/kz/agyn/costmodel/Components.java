package kz.agyn.costmodel;

/**
 * The parts of a cost, in tenge, and the three views they fall into (decision 0023). Per emigrant, or multiplied
 * by the number of emigrants for a level's or the year's total. The formulas are in {@link CostModel}.
 *
 * <p>The cost to the country is {@code net = fiscal + economic}
 * = educationInvested + lostTaxes + lostOutput + replacement − remittances + returnOffset. Each part belongs to
 * exactly one view, so that no tenge is counted twice: educationInvested and lostTaxes are fiscal; lostOutput,
 * replacement and remittances are economic; pensionSavings and netPay are private and are not in {@code net}.
 *
 * @param educationInvested  public spending on the emigrant's education, scholarship net of recoveries included
 *                           (fiscal)
 * @param lostTaxes          present value of the income tax and the social tax and contributions the budget no
 *                           longer collects over the remaining working life; not the funded pension contributions,
 *                           which are the worker's own savings (fiscal)
 * @param lostOutput         present value of the output beyond the leaver's pay, the part a replacement paid the
 *                           same does not restore (economic)
 * @param replacement        cost of hiring and training a replacement (economic)
 * @param remittances        present value of remittances over the remaining working life (an offset, ≥ 0,
 *                           subtracted; economic)
 * @param returnOffset       −p × (educationInvested + lostTaxes + lostOutput − remittances), the part a return
 *                           with probability p gives back (≤ 0 unless remittances outweigh the losses)
 * @param net                the cost to the country, fiscal + economic
 * @param educationTertiary  the part of educationInvested spent on the tertiary years (bachelor's and after,
 *                           scholarships included), before any return: the note's 25 bn reading
 * @param pensionSavings     present value of the leaver's own funded pension contributions (private)
 * @param netPay             present value of the leaver's pay after income tax and pension contributions
 *                           (private)
 * @param fiscal             (1 − p) × (educationInvested + lostTaxes): the state budget's view
 * @param economic           (1 − p) × (lostOutput − remittances) + replacement: the rest of the economy's view
 * @param privateView        (1 − p) × (pensionSavings + netPay): the leaver's own, not a loss to the country
 */
public record Components(double educationInvested, double lostTaxes, double lostOutput, double replacement,
                         double remittances, double returnOffset, double net, double educationTertiary,
                         double pensionSavings, double netPay, double fiscal, double economic,
                         double privateView) {

    /** Every part multiplied by {@code factor}, e.g. the number of emigrants. */
    public Components times(double factor) {
        return new Components(educationInvested * factor, lostTaxes * factor, lostOutput * factor,
                replacement * factor, remittances * factor, returnOffset * factor, net * factor,
                educationTertiary * factor, pensionSavings * factor, netPay * factor, fiscal * factor,
                economic * factor, privateView * factor);
    }

    /** Part-by-part sum. */
    public Components plus(Components o) {
        return new Components(educationInvested + o.educationInvested, lostTaxes + o.lostTaxes,
                lostOutput + o.lostOutput, replacement + o.replacement, remittances + o.remittances,
                returnOffset + o.returnOffset, net + o.net, educationTertiary + o.educationTertiary,
                pensionSavings + o.pensionSavings, netPay + o.netPay, fiscal + o.fiscal, economic + o.economic,
                privateView + o.privateView);
    }

    static final Components ZERO = new Components(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
