package kz.agyn.scenario.engine;

/** Where an agent is at the start of the simulation. */
public enum Location {
    KAZAKHSTAN, ABROAD
}
