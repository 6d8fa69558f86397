/** The import page and {@code POST /api/v1/registry/imports}, with the uploads they receive. */
package kz.agyn.registry.imports.web;
