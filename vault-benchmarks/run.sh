#!/usr/bin/env bash
# Builds the benchmark jar and runs every benchmark (or those matching the given JMH regexps),
# writing JMH's JSON, its console log and a Markdown summary into one results folder.
#
#   vault-benchmarks/run.sh                 full run (about 25 minutes on 2 cores)
#   vault-benchmarks/run.sh --smoke         1 fork, 1 warmup, 2 short iterations: a quick look only
#   vault-benchmarks/run.sh --out DIR ...   choose the results folder
#   vault-benchmarks/run.sh [--smoke] Authorization   only benchmarks matching a regexp; other
#                                           arguments go to JMH as they are (e.g. -prof stack)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mode=full
out=
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke ;;
    --out) out=$2; shift ;;
    *) jmh_args+=("$1") ;;
  esac
  shift
done
out=${out:-$here/target/results/$mode-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

(cd "$root" && mvn -q -B -Pbenchmarks -pl vault-benchmarks -am package -DskipTests)
jar=$here/target/benchmarks.jar

# -prof gc adds allocation per call to every figure: what explains a missed target first.
opts=(-rf json -rff "$out/jmh.json" -prof gc)
if [ "$mode" = smoke ]; then
  opts+=(-f 1 -wi 1 -i 2 -w 300ms -r 300ms)
fi

# Forked benchmark JVMs inherit the host JVM's options, so the results folder reaches HeapBenchmark.
java -Dcoffer.bench.results="$out" -jar "$jar" "${opts[@]}" ${jmh_args[@]+"${jmh_args[@]}"} 2>&1 | tee "$out/jmh.log"
java -cp "$jar" dev.coffer.vault.benchmarks.Summary "$out/jmh.json" "$out" "$mode" | tee "$out/summary.md"
echo "Results: $out"
