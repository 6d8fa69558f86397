package kz.agyn.registry.casework;

import java.time.LocalDate;

/** A report received, as an officer enters it: the period it covers, the day it arrived, employer and position. */
public record NewWorkReport(Integer period, LocalDate receivedOn, String employer, String position) {
}
