/** The incentives page (eligibility and cost as of a day, the rules editor) and the incentives API. */
package kz.agyn.registry.incentives.web;
