/**
 * A SYNTHETIC registry of Bolashak state scholars — 14,033 people over call years 1994–2024, each with one award
 * and, once home, a history of employment episodes — generated from a fixed seed for demonstrations, tests and
 * import benchmarks of the scholar registry.
 *
 * <p>Only the note's Table 3 is calibrated: 14,033 scholars, about 1,400 (10%) who stayed abroad, and returnees
 * working 70% in the private sector, 15% in the public sector and 15% in research and higher education (the note's
 * shares sum to 110%; the brief fixes 70/15/15). Everything else — names, dates, universities, employers, salaries
 * — is invented to be plausible, every record says {@code synthetic = true}, and the e-mail addresses and phone
 * numbers cannot reach anyone. The IINs are valid by their check digit but drawn at random: one may belong to a
 * real person, which is one more reason the registry encrypts them like real ones.
 *
 * <p>The CSV format is documented in {@code docs/formats/registry.md}. The generator depends on the JDK, the kernel
 * and the registry's code lists (the enums of {@code kz.agyn.registry.scholars}) only, so
 * {@code java -cp target/classes kz.agyn.demo.registry.SyntheticRegistry DIR} writes the files without starting
 * the application; {@code internal} loads them into an empty registry at start-up. The registry does not depend
 * on this package: the day the demonstration describes is configuration ({@code agyn.demo.as-of}, read as
 * {@link kz.agyn.registry.DemonstrationDay}), which by default is this generator's
 * {@link kz.agyn.demo.registry.SyntheticRegistry#AS_OF} ({@code DemonstrationDayTest} keeps the two equal).
 */
package kz.agyn.demo.registry;
