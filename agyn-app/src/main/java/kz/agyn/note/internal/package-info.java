/** Storage of the note feature. */
package kz.agyn.note.internal;
