/**
 * PostgreSQL COPY, said once: {@link kz.agyn.platform.copy.CopyText} encodes rows in COPY's text format straight
 * into UTF-8 bytes, and {@link kz.agyn.platform.copy.CopyWriter} streams them into a {@code COPY … FROM STDIN} in
 * blocks. Every bulk write (the warehouse's observations, the registry's import) goes through them, so the
 * escaping rules live in one place.
 */
package kz.agyn.platform.copy;
