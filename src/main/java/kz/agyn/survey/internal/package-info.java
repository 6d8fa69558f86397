/** Storage of surveys, responses, imports and form links (plain SQL), and the demonstration survey's loading. */
package kz.agyn.survey.internal;
