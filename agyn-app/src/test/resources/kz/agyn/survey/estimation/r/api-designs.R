# Reference values for SurveyDesignReferenceTest, computed by R's survey package on its own `api` data.
# Run by the test: Rscript api-designs.R <output directory>. Writes the data the test estimates from
# (apistrat.csv, apiclus2.csv) and the values R finds (expected.tsv: name, then the numbers, tab-separated).
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
options(survey.lonely.psu = "fail")
data(api)

# A two-level question with item non-response: the growth target, where one is set.
prepare <- function(d) {
  d$tgt <- factor(ifelse(is.na(d$target), NA, ifelse(d$target <= 10, "low", "high")), levels = c("low", "high"))
  d
}
apistrat <- prepare(apistrat)
apiclus2 <- prepare(apiclus2)
keep <- c("stype", "sch.wide", "comp.imp", "awards", "yr.rnd", "tgt", "pw")
write.csv(apistrat[, c("cds", keep, "fpc")], file.path(out, "apistrat.csv"), row.names = FALSE, na = "")
write.csv(apiclus2[, c("cds", "dnum", "snum", keep, "fpc1", "fpc2")], file.path(out, "apiclus2.csv"),
          row.names = FALSE, na = "")

lines <- character(0)
put <- function(name, x) {
  lines <<- c(lines, paste(c(name, sprintf("%.17g", as.numeric(x))), collapse = "\t"))
}

# Population margins for raking, from the population file.
popN <- nrow(apipop)
awardsYes <- sum(apipop$awards == "Yes")
impYes <- sum(apipop$comp.imp == "Yes")
put("pop.total", popN)
put("pop.awards", c(popN - awardsYes, awardsYes))
put("pop.comp.imp", c(popN - impYes, impYes))

designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
  stratwr = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat),
  clus2 = svydesign(id = ~dnum + snum, weights = ~pw, fpc = ~fpc1 + fpc2, data = apiclus2),
  clus2wr = svydesign(id = ~dnum + snum, weights = ~pw, data = apiclus2)
)
rake <- function(d) {
  calibrate(d, ~awards + comp.imp,
            population = c(`(Intercept)` = popN, awardsYes = awardsYes, comp.impYes = impYes),
            calfun = "raking", epsilon = 1e-10, maxit = 500)
}
for (name in names(designs)) {
  designs[[paste0(name, ".raked")]] <- rake(designs[[name]])
}

for (name in names(designs)) {
  d <- designs[[name]]
  put(paste0(name, ".degf"), degf(d))
  put(paste0(name, ".weights"), weights(d))
  for (v in c("sch.wide", "comp.imp", "stype", "tgt")) {
    f <- as.formula(paste0("~", v))
    m <- svymean(f, d, na.rm = TRUE, deff = "replace")
    m2 <- svymean(f, d, na.rm = TRUE, deff = TRUE)
    key <- paste0(name, ".", v)
    put(paste0(key, ".share"), coef(m))
    put(paste0(key, ".se"), SE(m))
    put(paste0(key, ".deff"), deff(m))
    put(paste0(key, ".deffTrue"), deff(m2))
    put(paste0(key, ".total"), coef(svytotal(f, d, na.rm = TRUE)))
    missing <- any(is.na(d$variables[[v]]))
    answered <- if (missing) subset(d, !is.na(d$variables[[v]])) else d
    put(paste0(key, ".degf"), degf(answered))
    # survey 4.1.1 cannot subset a calibrated design for svyciprop (qr.resid fails): no intervals there.
    if (missing && grepl("raked", name)) next
    for (method in c("logit", "beta", "mean")) {
      bounds <- c()
      for (level in levels(factor(d$variables[[v]]))) {
        g <- as.formula(paste0("~I(", v, " == '", level, "')"))
        ci <- svyciprop(g, answered, method = method)
        bounds <- c(bounds, as.numeric(attr(ci, "ci")))
      }
      put(paste0(key, ".", method), bounds)
    }
    if (grepl("raked", name)) {
      # The same raked weights taken as fixed: what the standard error would be if the raking were ignored.
      base <- designs[[sub(".raked", "", name, fixed = TRUE)]]
      fixed <- base
      fixed$prob <- 1 / weights(d)
      put(paste0(key, ".fixedSe"), SE(svymean(f, fixed, na.rm = TRUE)))
    }
  }
  for (pair in list(c("awards", "stype"), c("awards", "tgt"), c("sch.wide", "comp.imp"))) {
    f <- as.formula(paste0("~", pair[1], "+", pair[2]))
    key <- paste0(name, ".chisq.", pair[1], ".", pair[2])
    ft <- svychisq(f, d, statistic = "F")
    ch <- svychisq(f, d, statistic = "Chisq")
    put(paste0(key, ".F"), c(ft$statistic, ft$parameter, ft$p.value,
                            pf(ft$statistic, ft$parameter[1], ft$parameter[2], lower.tail = FALSE, log.p = TRUE)))
    put(paste0(key, ".X2"), c(ch$statistic, ch$p.value))
  }
}

# Margins given by the user (issue 21): shares of awards and yr.rnd, scaled to the sum of the design weights as
# Agyn scales shares, raked by rake() (the weights and shares) and by calibrate() (the standard errors: rake()
# approximates the calibration residuals by its own sweeps, decision 0034); and linear (GREG) calibration to the
# population's margins of awards and comp.imp, R's calibrate(calfun = "linear").
userShares <- list(awards = c(0.45, 0.55), yr.rnd = c(0.88, 0.12))
put("user.awards", userShares$awards)
put("user.yr.rnd", userShares$yr.rnd)
for (name in c("strat", "clus2")) {
  d <- designs[[name]]
  N <- sum(weights(d))
  raked <- survey::rake(d, list(~awards, ~yr.rnd),
                        list(data.frame(awards = c("No", "Yes"), Freq = N * userShares$awards),
                             data.frame(yr.rnd = c("No", "Yes"), Freq = N * userShares$yr.rnd)),
                        control = list(maxit = 100, epsilon = 1e-13, verbose = FALSE))
  calibrated <- calibrate(d, ~awards + yr.rnd,
                          population = c(`(Intercept)` = N, awardsYes = N * userShares$awards[2],
                                         yr.rndYes = N * userShares$yr.rnd[2]),
                          calfun = "raking", epsilon = 1e-12, maxit = 500)
  linear <- calibrate(d, ~awards + comp.imp,
                      population = c(`(Intercept)` = popN, awardsYes = awardsYes, comp.impYes = impYes),
                      calfun = "linear")
  put(paste0(name, ".user.weights"), weights(raked))
  put(paste0(name, ".linear.weights"), weights(linear))
  for (v in c("sch.wide", "comp.imp", "stype")) {
    f <- as.formula(paste0("~", v))
    put(paste0(name, ".user.", v, ".share"), coef(svymean(f, raked)))
    put(paste0(name, ".user.", v, ".rakeSe"), SE(svymean(f, raked)))
    put(paste0(name, ".user.", v, ".se"), SE(svymean(f, calibrated)))
    put(paste0(name, ".linear.", v, ".share"), coef(svymean(f, linear)))
    put(paste0(name, ".linear.", v, ".se"), SE(svymean(f, linear)))
  }
}
# Tails far beyond where 1 - cdf is exactly 0, and beyond double precision's smallest number.
put("tail.chisq", c(pchisq(100, 2, lower.tail = FALSE, log.p = TRUE), pchisq(2000, 3, lower.tail = FALSE, log.p = TRUE)))
put("tail.f", c(pf(60, 2, 300, lower.tail = FALSE, log.p = TRUE), pf(3000, 1.7, 250, lower.tail = FALSE, log.p = TRUE)))
put("version", c(R.version$major, sub("\\..*", "", R.version$minor),
                 unlist(packageVersion("survey"))))
writeLines(lines, file.path(out, "expected.tsv"))
