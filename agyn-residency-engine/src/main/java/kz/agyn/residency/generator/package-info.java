/**
 * A seeded synthetic country with known truth (residents, deregistered and hidden emigrants, returnees, seasonal and
 * informal workers, deaths, register lag and missing months), generated straight into the columnar extracts. The
 * same seed gives the same country whatever the number of threads. Its defaults are documented on
 * {@link kz.agyn.residency.generator.CountrySettings}.
 */
package kz.agyn.residency.generator;
