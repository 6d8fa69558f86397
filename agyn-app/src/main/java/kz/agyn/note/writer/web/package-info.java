/** The note writer's page (choose a template and a language, read the preview) and its DOCX, PDF and HTML downloads. */
package kz.agyn.note.writer.web;
