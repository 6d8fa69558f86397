/**
 * Where the registry's key comes from (environment, keystore, a generated file for the demonstration setup only),
 * the SQL of the re-key job, and migration 14, which encrypted the free text that was stored in clear.
 */
package kz.agyn.registry.keys.internal;
