# Reference values for ReplicateDesignReferenceTest: R's survey package on replicate-weight designs (issue 21,
# decision 0048). Run by the test: Rscript replicate-designs.R <output directory>.
# Every design is rebuilt with svrepdesign() from the full-sample weight `pw` and the combined replicate weights
# repw_1..repw_R written to <design>.csv, i.e. from exactly the columns Agyn imports, with R's type-specific default
# scale and rscales (JKn's rscales given, as R requires). expected.tsv: name, then the numbers, tab-separated.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
data(api)
data(scd)
set.seed(20261207)

lines <- character(0)
put <- function(name, x) {
  lines <<- c(lines, paste(c(name, sprintf("%.17g", as.numeric(x))), collapse = "\t"))
}
prepare <- function(d) {
  d$tgt <- factor(ifelse(is.na(d$target), NA, ifelse(d$target <= 10, "low", "high")), levels = c("low", "high"))
  d
}
# Writes the respondents with pw and repw_1..repw_R, and returns the design R builds from exactly those columns.
export <- function(name, rep, data, keep, type, ...) {
  rw <- as.matrix(weights(rep, "analysis"))
  colnames(rw) <- paste0("repw_", seq_len(ncol(rw)))
  frame <- cbind(data[, keep, drop = FALSE], pw = weights(rep, "sampling"), rw)
  write.csv(frame, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
  svrepdesign(data = frame, weights = ~pw, repweights = "repw_[0-9]+", type = type, combined.weights = TRUE, ...)
}
keep <- c("cds", "stype", "sch.wide", "comp.imp", "awards", "tgt", "api00")

apiclus1 <- prepare(apiclus1)
apistrat <- prepare(apistrat)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1)
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)
jkn <- as.svrepdesign(dstrat, type = "JKn")
put("jkn.rscales", jkn$rscales)

scd$big <- factor(ifelse(scd$arrests > 200, "yes", "no"), levels = c("no", "yes"))
scd$pw <- 1
brr <- 2 * cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1), c(0, 1, 0, 1, 1, 0))
rho <- 0.3
scdFrame <- function(factors) {
  colnames(factors) <- paste0("repw_", seq_len(ncol(factors)))
  cbind(scd[, c("ESA", "ambulance", "big", "alive", "pw")], factors)
}
brrFrame <- scdFrame(brr)
fayFrame <- scdFrame(ifelse(brr > 0, 2 - rho, rho))
write.csv(brrFrame, file.path(out, "brr.csv"), row.names = FALSE)
write.csv(fayFrame, file.path(out, "fay.csv"), row.names = FALSE)

designs <- list(
  jk1 = export("jk1", as.svrepdesign(dclus1, type = "JK1"), apiclus1, keep, "JK1"),
  jkn = export("jkn", jkn, apistrat, keep, "JKn", rscales = jkn$rscales),
  boot = export("boot", as.svrepdesign(dstrat, type = "bootstrap", replicates = 50), apistrat, keep, "bootstrap"),
  brr = svrepdesign(data = brrFrame, weights = ~pw, repweights = "repw_[0-9]+", type = "BRR",
                    combined.weights = TRUE),
  fay = svrepdesign(data = fayFrame, weights = ~pw, repweights = "repw_[0-9]+", type = "Fay", rho = rho,
                    combined.weights = TRUE)
)
designs$jk1.mse <- designs$jk1
designs$jk1.mse$mse <- TRUE

popN <- nrow(apipop)
awardsYes <- sum(apipop$awards == "Yes")
stypes <- as.numeric(table(apipop$stype))
put("pop.awards", c(popN - awardsYes, awardsYes))
put("pop.stype", stypes)
# awards and comp.imp (decision 0034's raking variables) are nearly collinear in apiclus1: a jackknife replicate
# without the 3 schools that tell them apart cannot be calibrated, in R as in Agyn. School type is used instead.
population <- c(`(Intercept)` = popN, awardsYes = awardsYes, stypeH = stypes[2], stypeM = stypes[3])
for (name in c("jk1", "boot")) {
  designs[[paste0(name, ".raked")]] <- calibrate(designs[[name]], ~awards + stype, population = population,
                                                 calfun = "raking", epsilon = 1e-12, maxit = 500, compress = FALSE)
  designs[[paste0(name, ".linear")]] <- calibrate(designs[[name]], ~awards + stype, population = population,
                                                  calfun = "linear", compress = FALSE)
}

for (name in names(designs)) {
  d <- designs[[name]]
  put(paste0(name, ".scale"), d$scale)
  put(paste0(name, ".rscales"), d$rscales)
  put(paste0(name, ".degf"), degf(d))
  put(paste0(name, ".weights"), weights(d, "sampling"))
  put(paste0(name, ".repweights"), as.vector(as.matrix(weights(d, "analysis"))))
  variables <- if (name %in% c("brr", "fay")) c("big") else c("sch.wide", "comp.imp", "stype", "tgt")
  for (v in variables) {
    f <- as.formula(paste0("~", v))
    missing <- any(is.na(d$variables[[v]]))
    answered <- if (missing) d[!is.na(d$variables[[v]]), ] else d
    m <- svymean(f, answered)
    key <- paste0(name, ".", v)
    put(paste0(key, ".share"), coef(m))
    put(paste0(key, ".se"), SE(m))
    put(paste0(key, ".degf"), degf(answered))
    for (method in c("logit", "beta", "mean")) {
      bounds <- c()
      for (level in levels(factor(d$variables[[v]]))) {
        g <- as.formula(paste0("~I(", v, " == '", level, "')"))
        ci <- svyciprop(g, answered, method = method)
        bounds <- c(bounds, as.numeric(attr(ci, "ci")))
      }
      put(paste0(key, ".", method), bounds)
    }
  }
  y <- if (name %in% c("brr", "fay")) ~alive else ~api00
  m <- svymean(y, d)
  put(paste0(name, ".mean"), c(coef(m), SE(m)))
}
put("version", c(R.version$major, sub("\\..*", "", R.version$minor), unlist(packageVersion("survey"))))
writeLines(lines, file.path(out, "expected.tsv"))
