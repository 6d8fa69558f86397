/** The scenario pages (list, form, run and results with fan charts, table and map), the API and the exports. */
package kz.agyn.scenario.web;
