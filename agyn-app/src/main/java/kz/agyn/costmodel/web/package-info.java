/**
 * The cost model on the web: {@code GET /api/v1/cost-model} lists every parameter with its unit, range and source,
 * {@code POST /api/v1/cost-model/run} recomputes the total, its Monte Carlo band, the cost per emigrant by level,
 * the tornado and the check of the note's "about 25 bn KZT a year" from overrides; {@code /cost-model} is the same
 * as a page on which an analyst edits a parameter and sees the total and the tornado move.
 *
 * <p>Kept apart from {@code kz.agyn.costmodel} so that the model stays pure arithmetic: this package adds what a
 * reader needs around it, namely names in the reader's language, the claim's source from the note's figures, and
 * refusals of bad overrides that name the parameter and its allowed range instead of failing.
 */
package kz.agyn.costmodel.web;
