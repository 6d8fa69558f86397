/** The measures board, a page per measure, the editor, XLSX exports and the API {@code /api/v1/measures}. */
package kz.agyn.measure.web;
