/**
 * Shared kernel: the small value types every feature of Agyn speaks in — a person's IIN,
 * a KATO region code, a statistical reference period and an amount of money.
 *
 * <p>Each type validates itself on construction, so a value that exists is a valid value and
 * features never re-check it. The package depends on the JDK only: features, adapters and
 * importers all build on it, and it must not drag a framework into any of them.
 */
package kz.agyn.kernel;
