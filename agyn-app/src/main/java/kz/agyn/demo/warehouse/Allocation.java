package kz.agyn.demo.warehouse;

/**
 * Splits a whole number of people into integer parts proportional to weights, so that breakdowns
 * add up to their total exactly — the property every test of the synthetic cubes relies on.
 */
final class Allocation {

    private Allocation() {
    }

    /**
     * Largest-remainder (Hamilton) apportionment: each part gets the floor of its quota, and the
     * people left over go one each to the largest fractional remainders, ties to the earlier index so
     * that the result never depends on sort stability.
     */
    static long[] largestRemainder(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot allocate a negative total " + total);
        }
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
            sum += weight;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(quota);
            remainders[i] = quota - parts[i];
            assigned += parts[i];
        }
        long left = total - assigned;
        // Floating error can push the floors one over the total; take it back from the smallest remainder.
        while (left < 0) {
            int smallest = -1;
            for (int i = 0; i < weights.length; i++) {
                if (parts[i] > 0 && (smallest < 0 || remainders[i] < remainders[smallest])) {
                    smallest = i;
                }
            }
            parts[smallest]--;
            remainders[smallest] += 1;
            left++;
        }
        while (left > 0) {
            int largest = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
            left--;
        }
        return parts;
    }
}
