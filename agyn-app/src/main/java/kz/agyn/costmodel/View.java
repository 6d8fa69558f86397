package kz.agyn.costmodel;

/**
 * The three views of the cost (decision 0023). Every part of the cost belongs to exactly one, so that no tenge is
 * counted twice; the cost to the country is the fiscal and the economic view together.
 */
public enum View {
    /** The state budget: public spending on the leaver's education and the income and social taxes lost. */
    FISCAL(true),
    /**
     * The rest of the economy, net of the replacement: the output beyond pay that a replacement paid the same does
     * not restore, the cost of hiring and training the replacement, less remittances.
     */
    ECONOMIC(true),
    /** The leaver's own: funded pension savings and pay after tax and pension. Not a loss to those who stay. */
    PRIVATE(false);

    private final boolean inCountryCost;

    View(boolean inCountryCost) {
        this.inCountryCost = inCountryCost;
    }

    /** Whether the view is part of the cost to the country, the headline. */
    public boolean inCountryCost() {
        return inCountryCost;
    }

    /** This view's share of a cost. */
    public double of(Components c) {
        return switch (this) {
            case FISCAL -> c.fiscal();
            case ECONOMIC -> c.economic();
            case PRIVATE -> c.privateView();
        };
    }

    /** This view's Monte Carlo band. */
    public Band of(MonteCarloResult r) {
        return switch (this) {
            case FISCAL -> r.fiscal();
            case ECONOMIC -> r.economic();
            case PRIVATE -> r.privateView();
        };
    }
}
