/** Storage of the note writer: template versions and issued notes. */
package kz.agyn.note.writer.internal;
