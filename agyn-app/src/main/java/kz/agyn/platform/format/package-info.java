/**
 * Numbers as a reader of each language writes them: "31 287,5" in Kazakh and Russian, "31,287.5" in English;
 * percentages as "12,3 %"; money as "183,5 млрд ₸" or "60 000 USD", large amounts shortened to millions,
 * billions or trillions in the reader's words. {@link kz.agyn.platform.format.Numbers} is the one place that
 * turns a number into text for a page, a sentence or a spreadsheet cell meant to be read; the features say only
 * how many decimals and which shortenings they want ({@link kz.agyn.platform.format.Decimals},
 * {@link kz.agyn.platform.format.Shortening}).
 */
package kz.agyn.platform.format;
