/** The administrators' Keys page and the re-key API under /api/v1/registry/rekey. */
package kz.agyn.registry.keys.web;
