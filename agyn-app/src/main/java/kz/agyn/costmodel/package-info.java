/**
 * The cost of brain drain: what the specialists who leave Kazakhstan in a year cost the country, by education
 * level, as a transparent model in which every parameter is visible, sourced and editable. Answers the note's
 * claim that the outflow costs "about 25 bn KZT a year" with a figure, a range and the assumptions behind both.
 *
 * <p>{@link kz.agyn.costmodel.ParameterSet} holds the {@link kz.agyn.costmodel.Parameter parameters}: each with a
 * unit, a base value, a range, a Monte Carlo {@link kz.agyn.costmodel.Distribution distribution} and a
 * {@link kz.agyn.costmodel.Source source}, or an explicit flag that it is an assumption. The defaults ship in
 * {@code costmodel/defaults.properties}; {@code kz.agyn.costmodel.inputs} puts the indicator warehouse's figures in
 * place of some of them where it holds them. {@link kz.agyn.costmodel.CostModel} holds the formula (in its class
 * comment and as {@link kz.agyn.costmodel.CostModel#FORMULA text}) and four functions: the deterministic
 * {@link kz.agyn.costmodel.CostResult result}, a seeded Monte Carlo
 * {@link kz.agyn.costmodel.MonteCarloResult band}, the {@link kz.agyn.costmodel.TornadoBar tornado} chart and
 * the {@link kz.agyn.costmodel.ClaimCheck check of a claimed total}. Invalid input raises a
 * {@link kz.agyn.costmodel.CostModelException} naming the parameter.
 *
 * <p>Pure domain code: depends only on the JDK and {@code kz.agyn.kernel}, so storage, the REST API and the page
 * sit on top without the model knowing them. Display names of parameters are the message keys
 * {@code costmodel.parameter.<code>}.
 */
package kz.agyn.costmodel;
