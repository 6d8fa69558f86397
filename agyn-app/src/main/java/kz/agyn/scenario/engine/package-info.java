/**
 * The scenario engine (issue 17): a calibrated microsimulation of Kazakhstan's tertiary-educated specialists that
 * says, before money is spent, how many each policy lever keeps and at what cost. Plain Java (no Spring, no
 * database, no other Agyn feature), so a batch job can run draws unchanged. Decision 0035 says why it is built
 * this way.
 *
 * <h2>The model</h2>
 * A {@link kz.agyn.scenario.engine.Population} of agents (one agent = a number of people) is simulated year by
 * year. Each year an agent in Kazakhstan leaves with a logit chance (see {@link kz.agyn.scenario.engine.Coefficients})
 * driven by five deficits, each 0 at par and never negative, one per reason of the surveys
 * ({@link kz.agyn.scenario.engine.Reason}):
 * <ul>
 * <li>PAY: log(destination pay at PPP for the ISCO group / domestic pay), domestic pay with pay changes, a
 *     returnee's supplement and the gross equivalent of a tax holiday;</li>
 * <li>GROWTH: 1 at the baseline, less {@code 0.5·ln(research jobs / baseline)} and {@code 0.25·ln(partnerships /
 *     baseline)};</li>
 * <li>SOCIO_POLITICAL: (1 − fairness) / (1 − baseline fairness);</li>
 * <li>RESEARCH (research institutes and universities only): 1 less {@code 0.5·ln(research budget / baseline)}, the
 *     budget's share of GDP against the baseline's;</li>
 * <li>LIVING: 1, and for those under 35 {@code 1 / (1 + housing support a year / a year's pay)};</li>
 * </ul>
 * plus who the agent is: ISCO group, ISCED level, age group (family stage: the young move more) and having studied
 * abroad (ties). Ages do not advance: the population's age structure is held stationary (those who age out of a
 * group are replaced by the next cohort, which the model does not otherwise simulate). An agent abroad returns
 * with a chance that falls with the same deficits and rises with the incentives a returnee would get
 * (supplement, tax holiday, housing).
 *
 * <h2>Scholars</h2>
 * A STUDYING scholar's studies end with chance {@link kz.agyn.scenario.engine.Assumptions#STUDY_END_HAZARD} a
 * year; then the scholar comes back to work off (a logit of the same deficits, raised by the repayment owed) or
 * stays abroad: a breach. A WORKING_OFF scholar leaves with the ordinary chance damped by the repayment owed (in
 * years of pay); leaving is a breach, staying counts down the years and the last one makes the scholar FULFILLED.
 * A breach repays the scholarship prorated on the years left, with a penalty
 * ({@link kz.agyn.scenario.engine.Assumptions}); the repayment is budget recovered.
 *
 * <h2>Speed</h2>
 * The per-agent step is a pure function of (agent, year, draw, parameters, random stream). Agents of one type (sector,
 * ISCO, ISCED, age group, studied abroad, 10% pay band) share their chances, so the simulator works out one
 * integer threshold per type and year and compares each agent's uniform 32-bit number against it; agents are
 * stored in columns sorted by type; random numbers come from SplitMix64 streams seeded by (seed, draw, block of
 * 4096 agents, year), so results do not depend on the number of threads.
 */
package kz.agyn.scenario.engine;
