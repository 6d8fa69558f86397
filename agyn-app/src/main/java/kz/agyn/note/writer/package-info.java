/**
 * The analytical note written by Agyn: a template (the note's structure, its text in kk/ru/en, and blocks bound to
 * the figures Agyn holds) resolved into a {@link kz.agyn.note.writer.NoteDocument} — numbered tables with their
 * source lines, citations numbered in order of first use, the reference list of the sources actually cited, the
 * contradictions among the figures used — and rendered as HTML, PDF (fonts embedded) and DOCX (Word styles).
 */
package kz.agyn.note.writer;
