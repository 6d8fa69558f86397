/**
 * The consistency check of a note: figures read from its plain text (kk/ru/en number formats, units, money,
 * years, ranges) with their place and what they are about, and the findings a reader of the note should see
 * before it goes out — figures that contradict each other or the warehouse, shares of one whole that do not sum
 * to 100%, figures without a source. Decision 0045 says how figures are linked to one subject.
 */
package kz.agyn.note.check;
