#!/usr/bin/env bash
# Issue 19: "a full note in under 3 s". Writes the seed note and the Jetisu regional note (figures read, warehouse
# queried, DOCX + PDF + HTML laid out as an issued note is) inside the test application on embedded PostgreSQL:
# one cold run, then seven; prints the median and max of the seven against the 3 s target.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test -pl agyn-app -am -Dtest=NoteWriteTimingTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dagyn.bench=note-write -Djazzer.skip=true 2>/dev/null | grep NOTE-TIMING \
  | sed -E 's/^.*NOTE-TIMING //' \
  | awk '{ print } / median / { for (i = 1; i <= NF; i++) if ($i == "median") m = $(i + 1);
          printf("  median against the 3 s target: %.2f\n", m / 3000) }'
