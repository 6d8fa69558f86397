package kz.agyn.demo.registry;

import java.time.LocalDate;

import kz.agyn.registry.scholars.Evidence;
import kz.agyn.registry.scholars.SalaryBand;

/**
 * One employment episode.
 *
 * @param seq 1, 2, … per scholar in order of start
 * @param employerBin 12 digits with a valid check digit; null for employers abroad, which have none
 * @param country ISO 3166-1 alpha-2, {@code KZ} for work in Kazakhstan
 * @param kato nine-digit KATO code of the first-level unit valid on {@code start}; null abroad
 * @param isco ISCO-08 sub-major group, two digits
 * @param salaryBand null abroad (not reported)
 * @param end null while the job continues on {@link SyntheticRegistry#AS_OF}
 */
public record SyntheticEmployment(String scholarRef, int seq, String employerName, String employerBin,
        Sector sector, String country, String kato, String isco, SalaryBand salaryBand, LocalDate start,
        LocalDate end, Evidence evidence, boolean synthetic) {
}
