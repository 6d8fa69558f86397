package kz.agyn.warehouse.refresh;

import kz.agyn.kernel.UserException;

/**
 * The source could not be read: it answered an error status, did not answer in time, could not be reached, or
 * answered something that is not data. {@code code} is a message key ({@code refresh.error.*}) whose arguments
 * name the address and, where the agency wrote one, its own error text, so that the analyst reads what the agency
 * said rather than a status number. {@code gatewayStatus} is what the API answers: 504 for a timeout, 502 otherwise.
 */
public class SourceException extends UserException {

    private final int gatewayStatus;
    private final String url;
    private final Integer sourceStatus;
    private final String agencyText;

    SourceException(int gatewayStatus, String url, Integer sourceStatus, String agencyText, String code,
                    Object... args) {
        super(Kind.INVALID, code, args);
        this.gatewayStatus = gatewayStatus;
        this.url = url;
        this.sourceStatus = sourceStatus;
        this.agencyText = agencyText;
    }

    /** 504 when the source did not answer in time, 502 for every other failure of the source. */
    public int gatewayStatus() {
        return gatewayStatus;
    }

    /** The address that was fetched. */
    public String url() {
        return url;
    }

    /** The HTTP status the source answered, or null when it did not answer. */
    public Integer sourceStatus() {
        return sourceStatus;
    }

    /** The agency's own words about the error, when its answer had any. */
    public String agencyText() {
        return agencyText;
    }
}
