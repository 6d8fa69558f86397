#!/usr/bin/env bash
# What a sign-in costs: Argon2id verification of a 40-character Kazakh password with the application's encoder,
# one at a time and from 16 threads at once. Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile -pl agyn-app -am
cp=$(./mvnw -q -B -o dependency:build-classpath -pl agyn-app -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -cp "agyn-app/target/test-classes:agyn-app/target/classes:$cp" kz.agyn.account.internal.PasswordHashThroughput "${1:-30}"
