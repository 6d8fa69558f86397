/**
 * Loads the synthetic registry into an empty one at start-up, through the same bulk import users run. Nothing of
 * the live registry depends on this package.
 */
package kz.agyn.demo.registry.internal;
