/**
 * Policy scenarios as a product (issue 17): scenarios of levers (the note's four recommendations ship ready),
 * the synthetic population, context and calibration targets built from the warehouse, the registry and the cost
 * model, runs of the engine ({@code kz.agyn.scenario.engine}) as jobs, and their stored results. The engine is a
 * plain library; this package is the only one that feeds it Agyn's data.
 */
package kz.agyn.scenario;
