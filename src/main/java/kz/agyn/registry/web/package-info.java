/** The registry's pages (search, scholar card, worklist) and its REST API under /api/v1/scholars. */
package kz.agyn.registry.web;
