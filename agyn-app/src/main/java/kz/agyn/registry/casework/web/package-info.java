/** The casework sections of the scholar card, the casework API under /api/v1/registry, and printable notices. */
package kz.agyn.registry.casework.web;
