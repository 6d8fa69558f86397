/** The frame of every page, sign-in, and errors that tell users what happened without leaking internals. */
package kz.agyn.platform.web;
