/** Pages and REST endpoints of surveys: the list and new surveys, results with rankings and breakdowns, imports, questionnaire definitions, and the public form. */
package kz.agyn.survey.web;
