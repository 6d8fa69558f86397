/** The source of a dataset on its page and in the API: set it, read it, refresh from it. */
package kz.agyn.warehouse.refresh.web;
