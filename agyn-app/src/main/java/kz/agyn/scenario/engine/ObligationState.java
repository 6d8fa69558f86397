package kz.agyn.scenario.engine;

/**
 * A scholar's obligation (the registry's, simplified). STUDYING scholars are abroad; WORKING_OFF ones are in
 * Kazakhstan with years left to work; leaving during work-off is a BREACH (repaid with a penalty); staying the
 * years is FULFILLED. Everyone who is not a scholar is NONE.
 */
public enum ObligationState {
    NONE, STUDYING, WORKING_OFF, FULFILLED, BREACH
}
