package kz.agyn.scenario;

/**
 * One pay change of a scenario: pay of the agents in {@code sector} (null: every sector) and ISCO-08 major group
 * {@code isco} (null: every group) changes by {@code change} (0.30 = +30%) from {@code fromYear} (null: the first
 * simulated year) on.
 */
public record PayRaise(String sector, Integer isco, double change, Integer fromYear) {
}
