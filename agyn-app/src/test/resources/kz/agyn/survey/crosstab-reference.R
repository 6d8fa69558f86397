# Reference values for kz.agyn.survey.SurveyCrossTabTest: the fixed sample crosstab-sample.csv (80 respondents,
# design weights in the file, no strata, no margins) cross-tabulated by intend_leave x sex.
# Run from this directory:  Rscript crosstab-reference.R
suppressPackageStartupMessages(library(survey))
cat("# R", R.version$major, ".", R.version$minor, " survey ", as.character(packageVersion("survey")), "\n", sep = "")
d <- read.csv("crosstab-sample.csv", stringsAsFactors = FALSE)
d$intend_leave <- factor(d$intend_leave, levels = c("within_1y", "within_3y", "within_5y", "no", "undecided"))
d$sex <- factor(d$sex, levels = c("M", "F"))
des <- svydesign(ids = ~1, weights = ~weight, data = d)
out <- function(name, x) cat(name, paste(sprintf("%.17g", as.numeric(x)), collapse = " "), "\n")

# second-order Rao-Scott (R's default), what the API reports as statistic/numeratorDf/denominatorDf/pValue
f <- svychisq(~intend_leave + sex, des, statistic = "F")
out("F.statistic", f$statistic)
out("F.df", f$parameter)
out("F.p", f$p.value)
# Pearson X^2 of the weighted table scaled to n (printed by svychisq "Chisq") and the first-order p-value
x <- svychisq(~intend_leave + sex, des, statistic = "Chisq")
out("chisq.statistic", x$statistic)
out("chisq.df", x$parameter)
out("chisq.p", x$p.value)
# cell shares, intend_leave running fastest, and their standard errors
m <- svymean(~interaction(intend_leave, sex), des)
out("cell.share", coef(m))
out("cell.se", SE(m))
# row % (within intend_leave) and column % (within sex)
t <- svytable(~intend_leave + sex, des)
out("row.percent", prop.table(t, 1))
out("column.percent", prop.table(t, 2))
