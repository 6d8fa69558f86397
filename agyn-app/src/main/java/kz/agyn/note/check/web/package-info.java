/** The consistency check's page (upload or paste, text with findings highlighted) and its API. */
package kz.agyn.note.check.web;
