package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The security of an award: a pledge (property, value, appraisal day) or guarantors. {@code belowFullCost} is
 * true when a pledge is worth less than the award's full cost of study ({@code fullCostKzt}); {@code warning}
 * then says so in the reader's language. A warning, not a refusal: the operator may accept a smaller pledge.
 * {@code withdrawn} lists what was recorded before and withdrawn or corrected, latest first: nothing is deleted.
 */
public record Security(long awardId, String kind, String property, BigDecimal valueKzt, LocalDate valuedOn,
                       String documentNo, BigDecimal fullCostKzt, boolean belowFullCost, String warning,
                       List<Guarantor> guarantors, List<Withdrawn> withdrawn) {

    /** A guarantor; {@code iinMasked} for screens, where the full number need not be on show. */
    public record Guarantor(long id, String name, String iin, String iinMasked, String contact) {
    }

    /**
     * A record withdrawn: {@code what} PLEDGE, GUARANTORS (a whole set) or GUARANTOR; the property or the
     * guarantor's name and masked IIN; {@code corrected} when a corrected record took its place.
     */
    public record Withdrawn(String what, String property, BigDecimal valueKzt, String name, String iinMasked,
                            Instant withdrawnAt, String withdrawnBy, String reason, boolean corrected) {
    }
}
