# Reference forecasts from R's forecast package (Hyndman & Khandakar 2008; Debian's r-cran-forecast) for
# ForecastReferenceTest. Run as: Rscript forecast-reference.R OUTDIR; writes OUTDIR/expected.tsv with lines
# "name<TAB>value<TAB>value...".
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- file.path(args[1], "expected.tsv")
lines <- character()
put <- function(name, v) lines <<- c(lines, paste(c(name, format(as.numeric(v), digits = 12)), collapse = "\t"))

# Box & Jenkins Series G, the airline model on the log, estimated by exact maximum likelihood.
fit <- Arima(AirPassengers, order = c(0, 1, 1), seasonal = c(0, 1, 1), lambda = 0, method = "ML")
put("airline.coef", coef(fit))
f <- forecast(fit, h = 24, level = c(80, 95), biasadj = FALSE)
put("airline.mean", f$mean)
put("airline.lo80", f$lower[, 1]); put("airline.hi80", f$upper[, 1])
put("airline.lo95", f$lower[, 2]); put("airline.hi95", f$upper[, 2])

# A short yearly series (15 points), such as the warehouse holds.
y <- ts(c(1210, 1302, 1388, 1420, 1533, 1610, 1580, 1702, 1815, 1790, 1902, 2050, 2011, 2160, 2234), start = 2010)
put("annual.y", y)
n <- rwf(y, h = 6, level = c(80, 95))
put("naive.mean", n$mean); put("naive.lo95", n$lower[, 2]); put("naive.hi95", n$upper[, 2])
d <- rwf(y, h = 6, drift = TRUE, level = c(80, 95))
put("drift.mean", d$mean); put("drift.lo80", d$lower[, 1]); put("drift.hi80", d$upper[, 1])
put("drift.lo95", d$lower[, 2]); put("drift.hi95", d$upper[, 2])
th <- thetaf(y, h = 6, level = c(80, 95))
put("theta.mean", th$mean); put("theta.lo95", th$lower[, 2]); put("theta.hi95", th$upper[, 2])
fit <- ets(y, model = "AAN", damped = TRUE)
put("damped.par", fit$par[c("alpha", "beta", "phi", "l", "b")])
put("damped.sse", fit$mse * length(y))
e <- forecast(fit, h = 6, level = c(80, 95))
put("damped.mean", e$mean); put("damped.lo95", e$lower[, 2]); put("damped.hi95", e$upper[, 2])
writeLines(lines, out)
