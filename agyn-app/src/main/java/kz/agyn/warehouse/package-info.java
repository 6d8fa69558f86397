/**
 * The indicator warehouse: migration and talent statistics as observations with dimensions (period, region,
 * occupation, education, country, sex, age, flow), each tied to the version of the dataset it was imported
 * in, so that every figure keeps its source and earlier publications stay queryable. Files are validated
 * completely before anything is written, and a write is one transaction.
 */
package kz.agyn.warehouse;
