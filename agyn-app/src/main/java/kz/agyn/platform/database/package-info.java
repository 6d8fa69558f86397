/** Where the data lives: the embedded PostgreSQL that a fresh clone starts, or an external one. */
package kz.agyn.platform.database;
