/** The home page: cards, charts and the map. */
package kz.agyn.dashboard.web;
