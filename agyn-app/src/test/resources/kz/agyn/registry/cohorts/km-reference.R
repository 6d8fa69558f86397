# Reference values for KaplanMeierTest: the Kaplan-Meier estimate of time to return, its Greenwood standard
# error and 95% log-log interval, and the median with its interval, from R's survival package.
# Run by hand (the build never calls R):  Rscript km-reference.R
# Time is in days from the end of study; status 1 = returned, 0 = censored.
library(survival)
cat("#", R.version.string, "/ survival", as.character(packageVersion("survival")), "\n")

show <- function(name, time, status) {
  fit <- survfit(Surv(time, status) ~ 1, conf.type = "log-log", conf.int = 0.95)
  cat("##", name, "\n")
  cat("# time n.risk n.event n.censor surv se(surv) lower upper\n")
  for (i in seq_along(fit$time)) {
    cat(sprintf("{%d, %d, %d, %d, %.17g, %.17g, %.17g, %.17g},\n", as.integer(fit$time[i]),
                as.integer(fit$n.risk[i]), as.integer(fit$n.event[i]), as.integer(fit$n.censor[i]),
                fit$surv[i], fit$surv[i] * fit$std.err[i], fit$lower[i], fit$upper[i]))
  }
  q <- quantile(fit, probs = 0.5)
  cat(sprintf("# median %.17g lower %.17g upper %.17g\n", q$quantile, q$lower, q$upper))
}

# Ties of events, and of events with censoring (a censored scholar is at risk at the tied time),
# an event at time 0.
show("ties",
     c(0, 30, 30, 45, 90, 90, 90, 120, 200, 200, 365, 400, 730, 30, 60, 90, 150, 200, 500, 800),
     c(1,  1,  1,  1,  1,  1,  1,   1,   1,   1,   1,   1,   1,  0,  0,  0,   0,   0,   0,   0))

# The curve sits at exactly 0.5 from 50 until a later event at 60: R takes the midpoint, 55, as the median.
show("flat-half",
     c(10, 20, 30, 40, 50, 55, 60, 70, 80, 90),
     c( 1,  1,  1,  1,  1,  0,  1,  0,  0,  0))

# The curve ends at exactly 0.5: R takes the midpoint of the first time at 0.5 and the last time observed.
show("flat-end",
     c(10, 20, 30, 40, 50, 60, 70, 80, 90, 100),
     c( 1,  1,  1,  1,  1,  0,  0,  0,  0,   0))
