package kz.agyn.scenario.engine;

/** Where an agent works. RESEARCH = research institutes; EDUCATION = universities. */
public enum Sector {
    PUBLIC, PRIVATE, RESEARCH, EDUCATION;

    /** Pay in this sector comes from the budget, so a pay change here costs the budget (a private one does not). */
    public boolean budgetFunded() {
        return this != PRIVATE;
    }

    /** Research opportunity (budget, jobs) matters to those who do research: institutes and universities. */
    boolean doesResearch() {
        return this == RESEARCH || this == EDUCATION;
    }
}
