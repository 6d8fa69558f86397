package kz.agyn.tabular;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * Apache POI's defences against hostile workbooks, set explicitly in this one place rather than trusted to the
 * library's defaults, which are process-wide statics and change between releases. Applied when the application
 * starts and, for use without Spring (the readers' tests, the fuzz targets), before the first workbook is opened.
 *
 * <p>The XLSX reader streams every part with StAX, so these are the outer fence; the reader's own caps
 * ({@link XlsxWorkbook#MAX_FILE_BYTES}, shared strings, styles, rows, cells) are the inner one.
 */
public final class PoiLimits {

    /**
     * An entry may unpack to at most 100 times its packed size (POI's default, stated): a real sheet packs 10 to 30
     * times; a zip bomb packs thousands of times and is refused as soon as 100 kB of it are unpacked.
     */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /**
     * The largest unpacked entry: a million rows of twenty cells is about 1 GB of sheet XML; POI's default is
     * 4 GB, which only a bomb needs.
     */
    public static final long MAX_ENTRY_SIZE = 2L << 30;
    /** Entries in one package; a workbook has a few dozen, POI's default is 1,000. */
    public static final long MAX_FILE_COUNT = 1_000;
    /** Characters POI's text extractors would return (Agyn uses none, but the fence is set all the same). */
    public static final long MAX_TEXT_SIZE = 10L << 20;
    /**
     * The largest byte array POI may allocate for one record or part it reads into memory, in place of the
     * per-call maxima (several of which are unbounded for OOXML): no larger than the largest file the reader takes.
     */
    public static final int MAX_BYTE_ARRAY = (int) XlsxWorkbook.MAX_FILE_BYTES;

    private static volatile boolean applied;

    private PoiLimits() {
    }

    /** Sets the limits; calling it again changes nothing. */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_SIZE);
        IOUtils.setByteArrayMaxOverride(MAX_BYTE_ARRAY);
        applied = true;
    }

    /** The limits as one line, for the start-up log. */
    public static String describe() {
        return "minimum inflate ratio " + ZipSecureFile.getMinInflateRatio() + ", largest entry "
                + (ZipSecureFile.getMaxEntrySize() >> 20) + " MB, at most " + ZipSecureFile.getMaxFileCount()
                + " entries, largest byte array " + (IOUtils.getByteArrayMaxOverride() >> 20) + " MB";
    }
}
