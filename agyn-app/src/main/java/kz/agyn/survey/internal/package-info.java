/** Storage of surveys, responses, imports and form links (plain SQL). */
package kz.agyn.survey.internal;
