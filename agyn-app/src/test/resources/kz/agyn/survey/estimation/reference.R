# Reference values for kz.agyn.survey.estimation.ReferenceValuesTest.
# Run from this directory:  Rscript reference.R
# Produced with R's survey package (version printed first); the test holds the printed numbers.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
cat("# R", R.version$major, ".", R.version$minor, " survey ", as.character(packageVersion("survey")), "\n", sep = "")

d <- read.csv("reference-sample.csv", stringsAsFactors = FALSE)
d$reason <- factor(d$reason, levels = c("pay", "growth", "politics", "infra"))
d$leave <- factor(d$leave, levels = c("yes", "no", "undecided"))

out <- function(name, x) cat(name, paste(sprintf("%.17g", as.numeric(x)), collapse = " "), "\n")

designs <- list(
  weighted = svydesign(ids = ~1, weights = ~weight, data = d),
  stratified = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d))

for (name in names(designs)) {
  des <- designs[[name]]
  p <- function(s) paste(name, s, sep = ".")
  out(p("degf"), degf(des))

  # single choice: shares, SE, covariance, design effects, Wald (normal) and logit (t, degf) intervals
  m <- svymean(~reason, des, deff = "replace")
  out(p("reason.share"), coef(m))
  out(p("reason.se"), SE(m))
  out(p("reason.vcov"), vcov(m))
  out(p("reason.deffReplace"), deff(m))
  out(p("reason.deff"), deff(svymean(~reason, des, deff = TRUE)))
  out(p("reason.wald90"), t(confint(m, level = 0.90)))
  for (o in levels(d$reason)) {
    ci <- svyciprop(as.formula(sprintf("~I(reason == '%s')", o)), des, method = "logit", level = 0.95)
    out(p(paste0("reason.logit95.", o)), attr(ci, "ci"))
  }

  # numeric question with item non-response
  m <- svymean(~income, des, na.rm = TRUE, deff = "replace")
  out(p("income.mean"), coef(m))
  out(p("income.se"), SE(m))
  out(p("income.deffReplace"), deff(m))
  out(p("income.deff"), deff(svymean(~income, des, na.rm = TRUE, deff = TRUE)))
  out(p("income.wald95"), confint(m))

  # multiple choice: each option a 0/1 variable, one respondent skipped the question
  m <- svymean(~stay_pay + stay_housing + stay_career, des, na.rm = TRUE)
  out(p("stay.share"), coef(m))
  out(p("stay.se"), SE(m))

  # a domain: shares of reasons among those who intend to leave
  b <- svyby(~reason, ~leave, des, svymean)
  yes <- b[b$leave == "yes", ]
  out(p("yes.reason.share"), yes[, grep("^reason", names(b))][1:4])
  out(p("yes.reason.se"), yes[, grep("^se", names(b))][1:4])
  sub <- subset(des, leave == "yes")
  out(p("yes.degf"), degf(sub))
  ci <- svyciprop(~I(reason == "politics"), sub, method = "logit")
  out(p("yes.reason.logit95.politics"), attr(ci, "ci"))

  # cross-tabulation: weighted cell shares, Rao-Scott first order (Chisq) and second order (F)
  m <- svymean(~interaction(reason, leave), des)
  out(p("cell.share"), coef(m))
  out(p("cell.se"), SE(m))
  # survey 4.1.1 reports the Pearson X^2 of the weighted table scaled to n, and takes the p-value of the
  # first-order Rao-Scott statistic X^2 / mean(eigenvalues of Delta); that statistic equals F * df below
  x <- svychisq(~reason + leave, des, statistic = "Chisq")
  out(p("chisq.pearsonWeighted"), x$statistic)
  out(p("chisq.df"), x$parameter)
  out(p("chisq.p"), x$p.value)
  f <- svychisq(~reason + leave, des, statistic = "F")
  out(p("F.statistic"), f$statistic)
  out(p("F.df"), f$parameter)
  out(p("F.p"), f$p.value)
  out(p("chisq.raoScott"), f$statistic * x$parameter)
}

# unweighted Pearson chi-square on respondent counts
x <- suppressWarnings(chisq.test(table(d$reason, d$leave), correct = FALSE))
out("pearson.statistic", x$statistic)
out("pearson.df", x$parameter)
out("pearson.p", x$p.value)

# Kish's design effect, n * sum(w^2) / sum(w)^2 (by hand: survey has no function for it)
out("kish", nrow(d) * sum(d$weight^2) / sum(d$weight)^2)
