/**
 * The analytical note of 06.11.2024 that Agyn comes from, as data: every figure of its text and tables with
 * the reference it cites, the Bolashak operator's published figures beside them, and the places where these
 * sources disagree, tagged rather than reconciled.
 */
package kz.agyn.note;
