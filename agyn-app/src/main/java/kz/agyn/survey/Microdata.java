package kz.agyn.survey;

/**
 * A survey's respondent-level data as downloaded: one ZIP archive holding the data (CSV), its codebook, an R
 * script and a Stata do-file that read the data and declare the design (see {@link MicrodataService}).
 *
 * @param fileName    the archive's name, from the survey's code
 * @param respondents how many respondents it holds
 * @param zip         the archive
 */
public record Microdata(String fileName, int respondents, byte[] zip) {
}
