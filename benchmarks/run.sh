#!/usr/bin/env bash
# Builds the benchmarks jar and the CLI jar, then runs every benchmark in one go and prints one
# table (also written to benchmarks/target/benchmark-results.md). Takes about 5 minutes on 2 cores.
# Options are passed to RunAll: --quick, --skip=decode,e2e,heap,startup, --startup-runs=N, ...
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./mvnw -B -q -ntp -pl benchmarks,app-sample -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.github.modelartsjobs.bench.RunAll "$@"
