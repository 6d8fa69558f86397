/** Pages and REST endpoints of the note's figures. */
package kz.agyn.note.web;
