package kz.agyn.platform.upload;

import kz.agyn.kernel.UserException;

/**
 * An upload larger than the limit of the place it was sent to. A {@link UserException}, so pages that show a
 * feature's refusals next to its form show this one there too; answered with 413 (Payload Too Large).
 */
public class UploadTooLargeException extends UserException {

    /** The HTTP status of the answer: 413 Payload Too Large. */
    public static final int STATUS = 413;

    private final long limit;

    /**
     * @param name  the file's name as the user knows it, or null for a pasted text or a request body
     * @param limit the most bytes that place takes
     */
    public UploadTooLargeException(String name, long limit) {
        super(Kind.INVALID, name == null ? "upload.tooLarge.unnamed" : "upload.tooLarge",
                name == null ? new Object[] {megabytes(limit)} : new Object[] {name, megabytes(limit)});
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The limit in MB (2^20 bytes) for the message, with one decimal below 10 MB so 1,000,000 bytes is not "0". */
    public static double megabytes(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb >= 10 ? Math.floor(mb) : Math.floor(mb * 10) / 10;
    }
}
