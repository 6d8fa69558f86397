package kz.agyn.note;

import java.time.LocalDate;

import kz.agyn.reference.Names;

/** A published set of figures: the note itself, or the operator's figures. */
public record Dataset(String code, Names title, String publisher, LocalDate publishedOn, String sourceCode,
                      boolean synthetic) {
}
