/**
 * The observatory's home: the headline figures of the analytical note as cards and charts, each with its
 * source, disagreeing sources side by side, and the map of Kazakhstan's regions.
 */
package kz.agyn.dashboard;
