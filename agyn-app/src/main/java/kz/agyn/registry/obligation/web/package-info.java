/** The rules editor page and the recomputation of every award's obligation through the API. */
package kz.agyn.registry.obligation.web;
