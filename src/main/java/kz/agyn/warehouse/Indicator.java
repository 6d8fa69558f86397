package kz.agyn.warehouse;

import kz.agyn.reference.Names;

/** A statistic the warehouse holds: its code, names, unit and definition. */
public record Indicator(String code, Names names, String unit, String per, Names definition) {
}
