package kz.agyn.note.check;

/** What a figure counts: a plain number (people, agreements), a percentage, a calendar year or money. */
public enum FigureKind { COUNT, PERCENT, YEAR, MONEY }
