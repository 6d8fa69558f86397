/** Pages and REST endpoints of surveys: the list, results with rankings and breakdowns, imports, and the public form. */
package kz.agyn.survey.web;
