/**
 * The cost model's inputs from the indicator warehouse: emigrants by ISCED level and pay by occupation, read
 * through the warehouse's public service, replace the documented defaults where the warehouse holds them. Kept
 * apart from {@code kz.agyn.costmodel} so that the model stays pure arithmetic with no storage behind it.
 */
package kz.agyn.costmodel.inputs;
