/** The registry's search page and scholar card with its forms, and the REST API under /api/v1/scholars. */
package kz.agyn.registry.scholars.web;
