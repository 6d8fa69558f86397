/**
 * Classifications every statistic is coded by: Kazakhstan's first-level units (KATO, with the 2018 and 2022
 * territorial changes as dated versions), ISCO-08 occupations, ISCED 2011 levels, ISO countries and
 * currencies, each with names in Kazakh, Russian and English and its source.
 */
package kz.agyn.reference;
