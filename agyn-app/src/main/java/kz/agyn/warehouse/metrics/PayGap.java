package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How much more a specialist earns abroad than at home, at market exchange rates and at
 * purchasing-power parity.
 *
 * <p>Both pays are annualised first ({@link #annualise}), so a monthly domestic figure and an annual
 * foreign one compare correctly. The nominal ratio is what a migrant sees on a pay slip; the PPP ratio
 * is what the pay buys where it is spent, and is the fairer measure of the incentive to leave.
 *
 * <p>References: World Bank, <i>World Development Indicators</i>, series PA.NUS.FCRF "Official
 * exchange rate (LCU per US$, period average)" and PA.NUS.PPP "PPP conversion factor, GDP (LCU per
 * international $)"; World Bank (2020), <i>Purchasing Power Parities and the Size
 * of World Economies: Results from the 2017 International Comparison Program</i>.
 */
public final class PayGap {

    private PayGap() {
    }

    /**
     * A pay figure for one period, expressed per year.
     *
     * <pre>annual = amount × periods per year   (monthly × 12, quarterly × 4, annual × 1)</pre>
     */
    public static BigDecimal annualise(BigDecimal amount, PayPeriod period) {
        return amount.multiply(BigDecimal.valueOf(period.periodsPerYear()));
    }

    /**
     * Nominal pay ratio: foreign pay converted to tenge at the market rate over domestic pay.
     *
     * <pre>ratio = (W_f × S) / W_d</pre>
     *
     * <p>W_f: foreign pay per year, in the foreign currency; S: market exchange rate, KZT per unit of
     * the foreign currency; W_d: domestic pay per year, in KZT. Above 1 the foreign job pays more.
     * Empty when a value is missing or the domestic pay is zero.
     *
     * @throws IllegalArgumentException if the exchange rate is not positive
     */
    public static Optional<BigDecimal> nominalRatio(Pay foreign, BigDecimal kztPerForeignUnit, Pay domestic) {
        if (Decimals.anyNull(foreign, kztPerForeignUnit, domestic)) {
            return Optional.empty();
        }
        Decimals.requirePositive(kztPerForeignUnit, "exchange rate");
        return Decimals.divide(foreign.annualised().multiply(kztPerForeignUnit), domestic.annualised());
    }

    /**
     * Pay ratio at purchasing-power parity: each pay converted to international dollars by its own
     * country's PPP conversion factor, then divided.
     *
     * <pre>ratio = (W_f / PPP_f) / (W_d / PPP_d)</pre>
     *
     * <p>W_f, W_d: foreign and domestic pay per year, each in its own currency; PPP_f, PPP_d: PPP
     * conversion factors in local currency units per international dollar (World Bank PA.NUS.PPP; the
     * United States' factor is 1 by construction). Use factors of the same year as the pay.
     * Empty when a value is missing or the domestic pay is zero.
     *
     * @throws IllegalArgumentException if a PPP factor is not positive
     */
    public static Optional<BigDecimal> pppRatio(Pay foreign, BigDecimal pppForeign, Pay domestic,
                                                BigDecimal pppDomestic) {
        if (Decimals.anyNull(foreign, pppForeign, domestic, pppDomestic)) {
            return Optional.empty();
        }
        Decimals.requirePositive(pppForeign, "foreign PPP conversion factor");
        Decimals.requirePositive(pppDomestic, "domestic PPP conversion factor");
        // (W_f / PPP_f) / (W_d / PPP_d) = (W_f × PPP_d) / (W_d × PPP_f): one rounding instead of three.
        BigDecimal numerator = foreign.annualised().multiply(pppDomestic);
        BigDecimal denominator = domestic.annualised().multiply(pppForeign);
        return Decimals.divide(numerator, denominator);
    }
}
