package kz.agyn.registry.scholars;

import java.time.LocalDate;

/** A job as reported: {@code region} is a KATO code for work in Kazakhstan; {@code end} empty while it lasts. */
public record NewEmployment(String employer, String employerBin, String sector, String region, String country,
                            String isco, LocalDate start, LocalDate end, String salaryBand, String evidence) {
}
