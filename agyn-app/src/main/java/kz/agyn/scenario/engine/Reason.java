package kz.agyn.scenario.engine;

/**
 * The reasons for leaving the surveys ask about (Table 1 of the note), each one factor of the decision model:
 * PAY the pay gap at PPP, GROWTH career opportunity (research jobs, partnerships), SOCIO_POLITICAL fairness in
 * hiring, RESEARCH research funding (for those in research and universities), LIVING living conditions (housing).
 */
public enum Reason {
    PAY, GROWTH, SOCIO_POLITICAL, RESEARCH, LIVING
}
