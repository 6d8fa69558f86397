package kz.agyn.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.survey.SurveyService.Sample;
import kz.agyn.survey.estimation.IntervalMethod;
import kz.agyn.survey.estimation.CalibrationMethod;
import kz.agyn.survey.estimation.RakingVariable;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.AnswerRow;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The respondent-level data of a survey for R and Stata (issue 21, decision 0040): respondents with their design
 * and calibrated weights, design variables and answers as CSV, a codebook, and scripts that read the CSV and
 * declare the design — R's {@code svydesign} followed by the same raking ({@code calibrate(..., calfun =
 * "raking")}) so that the variance accounts for it, and Stata's {@code svyset}. The R script also recomputes
 * every share Agyn shows with its standard error and interval, so that an analyst can check them.
 *
 * <p>What is left out, and why: the survey tool's response ids (they lead back to the tool, where a response may
 * carry an e-mail address; the file numbers respondents 1..n instead) and free-text answers (they may name
 * persons, decision 0015). Each download is audited with the number of respondents.
 */
@Service
public class MicrodataService {

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final AuditLog audit;
    private final MessageSource messages;

    MicrodataService(SurveyService surveys, SurveyRepository repository, AuditLog audit, MessageSource messages) {
        this.surveys = surveys;
        this.repository = repository;
        this.audit = audit;
        this.messages = messages;
    }

    /** One column of the CSV: its name, what it means in the reader's language, and each respondent's value. */
    private record Column(String name, String question, String option, String meaning, boolean numeric,
                          Function<Integer, String> value) {
    }

    /** A question as the scripts estimate it: its type and the columns it is read from. */
    private record Estimated(String code, String type, List<String> columns, List<String> options) {
    }

    public Microdata export(int surveyId, Locale locale) {
        Survey survey = surveys.survey(surveyId);
        Sample sample = surveys.sample(survey);
        List<RespondentRow> respondents = sample.respondents();
        SurveyDesignDeclaration declared = sample.declared();
        List<Double> weights = sample.weights().weights();
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        columns.add(new Column(name(names, "respondent"), "", "", msg("survey.microdata.meaning.respondent", locale),
                true, i -> String.valueOf(i + 1)));
        columns.add(new Column(name(names, "weight_base"), "", "", msg("survey.microdata.meaning.weightBase",
                locale), true, i -> number(respondents.get(i).weight())));
        columns.add(new Column(name(names, "weight"), "", "", msg("survey.microdata.meaning.weight", locale), true,
                i -> number(weights.get(i))));
        if (declared.strata()) {
            columns.add(design(names, "stratum", false, d -> respondents.get(d).design().stratum(), locale));
        }
        if (declared.stages() >= 1) {
            columns.add(design(names, "psu", false, d -> respondents.get(d).design().psu(), locale));
        }
        if (declared.stages() == 2) {
            columns.add(design(names, "ssu", false, d -> respondents.get(d).design().ssu(), locale));
        }
        if (declared.fpc()) {
            columns.add(design(names, "fpc1", true, d -> number(respondents.get(d).design().fpc1()), locale));
            if (declared.stages() == 2) {
                columns.add(design(names, "fpc2", true, d -> number(respondents.get(d).design().fpc2()), locale));
            }
        }
        kz.agyn.survey.estimation.ReplicateWeights replicates = sample.design().replicates();
        List<String> replicateColumns = new ArrayList<>();
        if (replicates != null) {
            // The imported (uncalibrated) replicate weights: the scripts calibrate each replicate as Agyn does.
            for (int r = 0; r < replicates.count(); r++) {
                int k = r;
                replicateColumns.add(name(names, ReplicateDeclaration.COLUMN_PREFIX + (r + 1)));
                columns.add(new Column(replicateColumns.get(r), "", "",
                        msg("survey.microdata.meaning.replicate", locale, r + 1), true,
                        i -> number(respondents.get(i).design().replicates().get(k))));
            }
        }
        Map<String, String> rakingColumns = new LinkedHashMap<>();
        for (RakingVariable v : sample.weights().raking()) {
            String column = name(names, "cal_" + v.name());
            rakingColumns.put(v.name(), column);
            List<String> categories = v.categories();
            columns.add(new Column(column, "", "", msg("survey.microdata.meaning.calibration", locale, v.name()),
                    false, categories::get));
        }
        List<Estimated> estimated = new ArrayList<>();
        for (Question q : sample.questions()) {
            if (q.type() == QuestionType.TEXT) {
                continue; // free text may name persons (decision 0015)
            }
            questionColumns(q, sample, names, columns, estimated, locale);
        }
        String base = survey.code();
        byte[] zip = zip(Map.of(
                base + ".csv", csv(columns, respondents.size()),
                base + "-codebook.csv", codebook(columns),
                base + ".R", RScript.of(base, columns.stream().filter(Column::numeric).map(Column::name)
                        .toList(), declared, replicates, sample.weights().raking(), sample.weights().method(),
                        rakingColumns, estimated, sample.settings().level(), header(survey, base, locale),
                        msg("survey.microdata.script.estimates", locale,
                                msg("survey.interval.method." + declared.intervals().name(), locale),
                                base + "-estimates.csv")),
                base + ".do", StataScript.of(base, columns.stream().filter(Column::numeric).map(Column::name)
                        .toList(), declared, replicates, replicateColumns, sample.weights().raking(),
                        sample.weights().method(), rakingColumns, header(survey, base, locale),
                        msg("survey.microdata.script.stataRake", locale))));
        audit.record(AuditAction.EXPORT, MarginService.AUDIT_SUBJECT, (long) surveyId, respondents.size(),
                "survey " + survey.code() + " microdata: " + respondents.size() + " respondents, "
                        + columns.size() + " columns");
        return new Microdata(base + "-microdata.zip", respondents.size(), zip);
    }

    private void questionColumns(Question q, Sample sample, Set<String> names, List<Column> columns,
                                 List<Estimated> estimated, Locale locale) {
        int n = sample.respondents().size();
        String text = q.text().in(locale);
        List<AnswerRow> answers = repository.answers(sample.survey().id(), q.id());
        switch (q.type()) {
            case SINGLE, LIKERT, RANKING -> {
                // As the estimates read it: the option, or for a ranking question the one ranked first.
                String[] main = new String[n];
                for (AnswerRow a : answers) {
                    if (a.option() != null && (a.rank() == null || a.rank() == 1)) {
                        main[sample.position().get(a.respondentId())] = a.option();
                    }
                }
                String column = name(names, q.code());
                columns.add(new Column(column, text, "", msg(q.type() == QuestionType.RANKING
                        ? "survey.microdata.meaning.firstRank" : "survey.microdata.meaning.single", locale), false,
                        i -> main[i]));
                estimated.add(new Estimated(q.code(), "single", List.of(column), q.optionCodes()));
                if (q.type() == QuestionType.RANKING) {
                    for (SurveyOption o : q.options()) {
                        String[] rank = new String[n];
                        answers.stream().filter(a -> o.code().equals(a.option()) && a.rank() != null)
                                .forEach(a -> rank[sample.position().get(a.respondentId())] = a.rank().toString());
                        columns.add(new Column(name(names, q.code() + "_" + o.code()), text, o.code(),
                                msg("survey.microdata.meaning.rank", locale, o.text().in(locale)), true,
                                i -> rank[i]));
                    }
                }
            }
            case MULTIPLE -> {
                // Skipped: every option column empty; answered, each 0 or 1 (all 0 or "none of these" = 1: none).
                boolean[] answered = new boolean[n];
                List<Set<String>> chosen = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    chosen.add(new HashSet<>());
                }
                for (AnswerRow a : answers) {
                    int i = sample.position().get(a.respondentId());
                    answered[i] = true;
                    if (a.option() != null) {
                        chosen.get(i).add(a.option());
                    }
                }
                List<String> optionColumns = new ArrayList<>();
                for (SurveyOption o : q.options()) {
                    String column = name(names, q.code() + "_" + o.code());
                    optionColumns.add(column);
                    columns.add(new Column(column, text, o.code(), msg(o.none() ? "survey.microdata.meaning.none"
                            : "survey.microdata.meaning.multiple", locale, o.text().in(locale)), true,
                            i -> answered[i] ? chosen.get(i).contains(o.code()) ? "1" : "0" : null));
                }
                estimated.add(new Estimated(q.code(), "multiple", optionColumns, q.optionCodes()));
            }
            case NUMBER -> {
                String[] value = new String[n];
                answers.stream().filter(a -> a.number() != null)
                        .forEach(a -> value[sample.position().get(a.respondentId())] = number(a.number()));
                columns.add(new Column(name(names, q.code()), text, "", msg("survey.microdata.meaning.number",
                        locale), true, i -> value[i]));
            }
            default -> {
            }
        }
    }

    private Column design(Set<String> names, String column, boolean numeric, Function<Integer, String> value,
                          Locale locale) {
        return new Column(name(names, column), "", "", msg("survey.microdata.meaning." + column, locale), numeric,
                value);
    }

    private String header(Survey survey, String base, Locale locale) {
        return msg("survey.microdata.script.header", locale, survey.code(), survey.title().in(locale),
                LocalDate.now().toString(), base + ".csv") + "\n" + msg("survey.microdata.textLeftOut", locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * A column name that R, Stata and SPSS all take: letters, digits and underscores, starting with a letter,
     * unique in the file (a clash gets a number).
     */
    static String name(Set<String> taken, String wanted) {
        String clean = wanted.replaceAll("[^A-Za-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "v_" + clean;
        }
        String name = clean;
        for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = clean + "_" + k;
        }
        return name;
    }

    /** Doubles as Java writes them: the shortest text that reads back to the same double. */
    private static String number(Double x) {
        return x == null ? null : x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf(x.longValue())
                : x.toString();
    }

    private static String csv(List<Column> columns, int rows) {
        StringBuilder out = new StringBuilder();
        out.append(line(columns.stream().map(Column::name).toList()));
        for (int i = 0; i < rows; i++) {
            List<String> row = new ArrayList<>(columns.size());
            for (Column c : columns) {
                row.add(c.value().apply(i));
            }
            out.append(line(row));
        }
        return out.toString();
    }

    private static String codebook(List<Column> columns) {
        StringBuilder out = new StringBuilder(line(List.of("column", "question", "option", "meaning")));
        for (Column c : columns) {
            out.append(line(List.of(c.name(), c.question(), c.option(), c.meaning())));
        }
        return out.toString();
    }

    /** RFC 4180: an empty field for a missing value, quotes around a field with a comma, quote or line break. */
    private static String line(List<String> fields) {
        StringJoiner j = new StringJoiner(",", "", "\r\n");
        for (String f : fields) {
            if (f == null) {
                j.add("");
            } else if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                j.add('"' + f.replace("\"", "\"\"") + '"');
            } else {
                j.add(f);
            }
        }
        return j.toString();
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String name : files.keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(files.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The R script: read, declare, calibrate as Agyn does, and recompute the shares. */
    static final class RScript {

        private RScript() {
        }

        static String of(String base, List<String> numeric, SurveyDesignDeclaration d,
                         kz.agyn.survey.estimation.ReplicateWeights replicates, List<RakingVariable> raking,
                         CalibrationMethod method, Map<String, String> rakingColumns, List<Estimated> estimated,
                         double level, String header, String estimatesComment) {
            StringBuilder r = new StringBuilder();
            header.lines().forEach(l -> r.append("# ").append(l).append('\n'));
            r.append("suppressPackageStartupMessages(library(survey))\n")
                    .append("args <- commandArgs(trailingOnly = TRUE)\n")
                    .append("dir <- if (length(args) > 0) args[1] else \".\"\n")
                    .append("options(survey.lonely.psu = \"fail\")\n")
                    .append("d <- read.csv(file.path(dir, ").append(q(base + ".csv"))
                    .append("), na.strings = \"\", colClasses = \"character\", encoding = \"UTF-8\")\n")
                    .append("for (v in ").append(vector(numeric)).append(") d[[v]] <- as.numeric(d[[v]])\n");
            for (Estimated e : estimated) {
                if (e.type().equals("single")) {
                    r.append("d$").append(e.columns().get(0)).append(" <- factor(d$").append(e.columns().get(0))
                            .append(", levels = ").append(vector(e.options())).append(")\n");
                }
            }
            // The calibration variables with the categories the margins give, present among the respondents.
            Map<RakingVariable, List<String>> levels = new LinkedHashMap<>();
            for (RakingVariable v : raking) {
                List<String> present = v.margins().keySet().stream().filter(v.categories()::contains).toList();
                levels.put(v, present);
                String c = rakingColumns.get(v.name());
                r.append("d$").append(c).append(" <- factor(d$").append(c).append(", levels = ")
                        .append(vector(present)).append(")\n");
            }
            if (replicates != null) {
                // Decision 0048: R's svrepdesign with the resolved scale and rscales (JKn's from the strata).
                r.append("design <- svrepdesign(data = d, weights = ~weight_base, repweights = \"^repw_[0-9]+$\", ")
                        .append("type = ").append(q(replicates.type().rName())).append(", combined.weights = TRUE");
                if (!replicates.type().fixedScale()) {
                    r.append(", scale = ").append(num(replicates.scale()));
                }
                if (replicates.rho() != null) {
                    r.append(", rho = ").append(num(replicates.rho()));
                }
                r.append(",\n  rscales = c(").append(java.util.Arrays.stream(replicates.rscales()).mapToObj(RScript::num)
                        .collect(java.util.stream.Collectors.joining(", "))).append("), mse = ")
                        .append(replicates.mse() ? "TRUE" : "FALSE").append(")\n");
            } else {
                String ids = d.stages() == 0 ? "~1" : d.stages() == 1 ? "~psu" : "~psu + ssu";
                r.append("design <- svydesign(ids = ").append(ids);
                if (d.strata()) {
                    r.append(", strata = ~stratum");
                }
                if (d.fpc()) {
                    r.append(", fpc = ").append(d.stages() == 2 ? "~fpc1 + fpc2" : "~fpc1");
                }
                r.append(", weights = ~weight_base, nest = TRUE, data = d)\n");
            }
            if (!raking.isEmpty()) {
                List<String> population = new ArrayList<>();
                population.add(q("(Intercept)") + " = " + num(raking.get(0).total()));
                for (RakingVariable v : raking) {
                    List<String> present = levels.get(v);
                    for (String category : present.subList(1, present.size())) {
                        population.add(q(rakingColumns.get(v.name()) + category) + " = "
                                + num(v.margins().get(category)));
                    }
                }
                r.append("design <- calibrate(design, ~")
                        .append(String.join(" + ", rakingColumns.values()))
                        .append(",\n  population = c(").append(String.join(", ", population))
                        .append("),\n  calfun = \"").append(method.calfun()).append("\", epsilon = 1e-10, maxit = 1000")
                        .append(replicates != null ? ", compress = FALSE" : "")
                        .append(d.trimLower() == null ? "" : ", bounds = c(" + num(d.trimLower()) + ", "
                                + num(d.trimUpper()) + ")").append(")\n");
            }
            // A replicate design's weights() are its replicates; the full-sample ones are "sampling".
            String weights = replicates != null ? "weights(design, \"sampling\")" : "weights(design)";
            if (d.trimLower() == null) {
                r.append("# ").append(weights).append(" / d$weight - 1 is 0 to rounding: the weights are Agyn's.\n")
                        .append("stopifnot(max(abs(").append(weights).append(" / d$weight - 1)) < 1e-6)\n\n");
            } else {
                // Where the bounds bind, R's bounded calibration and Agyn's bounded raking may part (decision 0040).
                r.append("if (max(abs(").append(weights)
                        .append(" / d$weight - 1)) > 1e-6) warning(\"trimmed weights differ\")\n\n");
            }
            estimatesComment.lines().forEach(l -> r.append("# ").append(l).append('\n'));
            r.append("""
                    interval <- function(p, se, df, m, method, level) {
                      a <- 1 - level
                      if (df < 1) return(c(0, 1))
                      t <- qt(1 - a / 2, df)
                      if (method == "logit") {
                        if (p <= 0 || p >= 1) return(c(p, p))
                        h <- t * se / (p * (1 - p))
                        return(plogis(qlogis(p) + c(-h, h)))
                      }
                      if (method == "mean") return(c(max(0, p - t * se), min(1, p + t * se)))
                      if (m < 2) return(c(0, 1))
                      n <- if (se > 0) p * (1 - p) / se^2 else m
                      n <- n * (qt(a / 2, m - 1) / qt(a / 2, df))^2
                      lo <- if (p <= 0) 0 else suppressWarnings(qbeta(a / 2, n * p, n * (1 - p) + 1))
                      hi <- if (p >= 1) 1 else suppressWarnings(qbeta(1 - a / 2, n * p + 1, n * (1 - p)))
                      # A variance of nearly 0 (a raked margin) makes n* too large for qbeta: the interval is p.
                      if (is.na(lo)) lo <- p
                      if (is.na(hi)) hi <- p
                      c(min(lo, p), max(hi, p))
                    }
                    """);
            if (replicates != null) {
                // On replicate weights R's svyciprop(method = "logit") takes the replicates' spread of logit(p_r).
                r.append("""
                        replicateLogit <- function(p, reps, df, level) {
                          if (p <= 0 || p >= 1 || df < 1 || any(reps <= 0 | reps >= 1, na.rm = TRUE)) return(NULL)
                          v <- survey:::svrVar(qlogis(reps), design$scale, design$rscales, mse = design$mse,
                                               coef = qlogis(p))
                          h <- qt(1 - (1 - level) / 2, df) * sqrt(as.numeric(v))
                          plogis(qlogis(p) + c(-h, h))
                        }
                        """);
            }
            r.append("method <- ").append(q(switch (d.intervals()) {
                case LOGIT -> "logit";
                case WALD -> "mean";
                case BETA -> "beta";
            })).append("\nlevel <- ").append(num(level)).append('\n');
            r.append("replicated <- ").append(replicates != null ? "TRUE" : "FALSE").append('\n');
            // svymean(return.replicates = TRUE) answers list(mean, replicates), its mean a plain vector with "var".
            r.append("""
                    shares <- function(est) {
                      if (!replicated) return(list(p = as.numeric(coef(est)), se = as.numeric(SE(est)), reps = NULL))
                      list(p = as.numeric(est$mean), se = sqrt(diag(as.matrix(attr(est$mean, "var")))),
                           reps = est$replicates)
                    }
                    """);
            r.append("questions <- list(\n");
            List<String> items = new ArrayList<>();
            for (Estimated e : estimated) {
                items.add("  list(code = " + q(e.code()) + ", type = " + q(e.type()) + ", columns = "
                        + vector(e.columns()) + ", options = " + vector(e.options()) + ")");
            }
            r.append(String.join(",\n", items)).append("\n)\n");
            r.append("""
                    rows <- list()
                    for (question in questions) {
                      first <- question$columns[1]
                      answered <- !is.na(d[[first]])
                      if (sum(answered) < 2) next
                      domain <- subset(design, !is.na(design$variables[[first]]))
                      df <- degf(domain)
                      m <- sum(answered)
                      reps <- NULL
                      if (question$type == "single") {
                        est <- svymean(as.formula(paste0("~", first)), design, na.rm = TRUE,
                                       return.replicates = replicated)
                        s <- shares(est)
                        p <- s$p; se <- s$se; reps <- s$reps
                      } else {
                        p <- numeric(0); se <- numeric(0)
                        for (column in question$columns) {
                          est <- svymean(as.formula(paste0("~", column)), design, na.rm = TRUE,
                                         return.replicates = replicated)
                          s <- shares(est)
                          p <- c(p, s$p); se <- c(se, s$se); reps <- cbind(reps, s$reps)
                        }
                      }
                      for (k in seq_along(question$options)) {
                        ci <- NULL
                        if (replicated && method == "logit") ci <- replicateLogit(p[k], as.matrix(reps)[, k], df, level)
                        if (is.null(ci)) ci <- interval(p[k], se[k], df, m, method, level)
                        rows[[length(rows) + 1]] <- data.frame(question = question$code, option = question$options[k],
                          share = p[k], se = se[k], low = ci[1], high = ci[2], df = df, answered = m)
                      }
                    }
                    estimates <- do.call(rbind, rows)
                    """);
            r.append("write.csv(estimates, file.path(dir, ").append(q(base + "-estimates.csv"))
                    .append("), row.names = FALSE)\n")
                    .append("options(digits = 4)\nprint(estimates, row.names = FALSE)\n");
            return r.toString();
        }

        static String q(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        static String vector(List<String> values) {
            return values.stream().map(RScript::q).collect(java.util.stream.Collectors.joining(", ", "c(", ")"));
        }

        static String num(double x) {
            return Double.toString(x);
        }
    }

    /**
     * The Stata do-file: read and {@code svyset}. Stata cannot be run here, so it is not tested; the raking is
     * written with {@code svyset}'s {@code rake()} (Stata 15.1 and later), the categories coded by a value label
     * of our own so that the totals name the right codes.
     */
    static final class StataScript {

        private StataScript() {
        }

        static String of(String base, List<String> numeric, SurveyDesignDeclaration d,
                         kz.agyn.survey.estimation.ReplicateWeights replicates, List<String> replicateColumns,
                         List<RakingVariable> raking, CalibrationMethod method, Map<String, String> rakingColumns,
                         String header, String rakeComment) {
            StringBuilder s = new StringBuilder();
            header.lines().forEach(l -> s.append("* ").append(l).append('\n'));
            s.append("version 15.1\n")
                    .append("import delimited using \"").append(base).append(".csv\", clear varnames(1) ")
                    .append("encoding(\"utf-8\") stringcols(_all)\n")
                    .append("destring ").append(String.join(" ", numeric)).append(", replace\n");
            String strata = "";
            if (replicates == null && d.strata()) {
                s.append("egen _stratum = group(stratum)\n");
                strata = " strata(_stratum)";
            }
            String psu = "_n";
            if (replicates == null && d.stages() >= 1) {
                s.append("egen _psu = group(").append(d.strata() ? "stratum " : "").append("psu)\n");
                psu = "_psu";
            }
            if (replicates == null && d.stages() == 2) {
                s.append("egen _ssu = group(").append(d.strata() ? "stratum " : "").append("psu ssu)\n");
            }
            String fpc = replicates == null && d.fpc() ? " fpc(fpc1)" : "";
            String rake = "";
            if (!raking.isEmpty()) {
                List<String> terms = new ArrayList<>();
                List<String> totals = new ArrayList<>();
                totals.add("_cons=" + RScript.num(raking.get(0).total()));
                for (RakingVariable v : raking) {
                    String c = rakingColumns.get(v.name());
                    List<String> present = v.margins().keySet().stream().filter(v.categories()::contains).toList();
                    StringBuilder label = new StringBuilder("label define _l_" + c);
                    for (int k = 0; k < present.size(); k++) {
                        label.append(' ').append(k + 1).append(" \"").append(present.get(k)).append('"');
                        if (k > 0) {
                            totals.add((k + 1) + "._c_" + c + "=" + RScript.num(v.margins().get(present.get(k))));
                        }
                    }
                    s.append(label).append('\n').append("encode ").append(c).append(", generate(_c_").append(c)
                            .append(") label(_l_").append(c).append(")\n");
                    terms.add("i._c_" + c);
                }
                rakeComment.lines().forEach(l -> s.append("* ").append(l).append('\n'));
                // Stata's svyset calls linear calibration regress(), with the same totals.
                rake = (method == CalibrationMethod.LINEAR ? " regress(" : " rake(") + String.join(" ", terms) + ", totals(" + String.join(" ", totals) + "))";
            }
            if (replicates != null) {
                s.append("svyset [pweight=weight_base],").append(replicateOptions(replicates, replicateColumns))
                        .append(rake).append('\n').append("svydescribe\n");
                return s.toString();
            }
            // The options of the whole design (rake) go after the last stage's.
            String stages = d.stages() == 2 ? strata + fpc + " || _ssu," + (d.fpc() ? " fpc(fpc2)" : "") + rake
                    : strata + fpc + rake;
            s.append("svyset ").append(psu).append(" [pweight=weight_base],").append(stages).append('\n')
                    .append("svydescribe\n");
            return s.toString();
        }

        /**
         * A replicate design as svy's jackknife with a multiplier per replicate: its variance is
         * {@code Σ m_r (θ_r − θ̄)²}, θ̄ the replicates' mean (or the full-sample estimate with {@code mse}), which is
         * exactly R's {@code svrVar} with {@code m_r = scale × rscales[r]} whatever the type (JK1, JKn, bootstrap,
         * BRR, Fay). Stata's own brr and bootstrap methods would need its divisor and Fay conventions to match R's,
         * which could not be checked here (Stata is not free software), so the one formula that is R's is written.
         * Without {@code stratum()} all replicates are one stratum, so θ̄ is their overall mean, as R's. Stata's
         * degrees of freedom for these weights, replicates less one, are R's {@code degf} on full-rank replicates.
         */
        static String replicateOptions(kz.agyn.survey.estimation.ReplicateWeights replicates, List<String> columns) {
            StringBuilder s = new StringBuilder();
            double[] rscales = replicates.rscales();
            int from = 0;
            for (int r = 1; r <= rscales.length; r++) {
                // Consecutive replicates with the same multiplier share one jkrweight() (a varlist range).
                if (r == rscales.length || rscales[r] != rscales[from]) {
                    String vars = r - 1 == from ? columns.get(from) : columns.get(from) + "-" + columns.get(r - 1);
                    s.append(" jkrweight(").append(vars).append(", multiplier(")
                            .append(RScript.num(replicates.scale() * rscales[from])).append("))");
                    from = r;
                }
            }
            s.append(" vce(jackknife)");
            if (replicates.mse()) {
                s.append(" mse");
            }
            return s.toString();
        }
    }
}
