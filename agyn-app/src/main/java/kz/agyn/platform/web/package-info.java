/**
 * The frame of every page (with the main menu of {@link kz.agyn.platform.menu}), sign-in, and errors that tell users
 * what happened without leaking internals.
 */
package kz.agyn.platform.web;
