/** Storage of the registry: encrypted scholar rows, awards, jobs, decisions, obligations, rules and tasks. */
package kz.agyn.registry.internal;
