#!/usr/bin/env bash
# Builds a generated corpus of driver code with and without the KMEM analyzers and prints the compiler's time for the
# corpus (the Csc task), median of the rounds, and the compiler's own analyzer table (-p:ReportAnalyzer=true) from the
# last build with them. Both builds do the same MSBuild work (the analyzers' project is checked in both); only the
# compiler's command line differs, and the SDK's own analyzers run in both. The compiler runs as MSBuild runs it: in
# the compiler server unless the environment turns that off (UseSharedCompilation=false), which the script reports.
# Rounds alternate which of the two builds runs first, so that neither always runs on a machine the other has just warmed.
# usage: bench/timed-build.sh [lines] [rounds] [dense|mixed|mixed-finding]   (defaults 100000, 5 and dense; see corpus-common.sh)
set -euo pipefail
lines="${1:-100000}"
rounds="${2:-5}"
source "$(dirname "$0")/corpus-common.sh" "$lines" "${3:-dense}"
dotnet build "$work/corpus" -c Release >/dev/null   # restore and build the runtime and the analyzers once

# Rebuilds only the corpus (a touched source; its references are up to date) and prints the Csc task's seconds.
csc_seconds() {
  local log="$1"; shift
  touch "$work/corpus/Drivers0.cs"
  dotnet build "$work/corpus" -c Release --no-restore "$@" -p:ReportAnalyzer=true -v:diag -clp:PerformanceSummary > "$log"
  grep -E "^ +[0-9]+ ms +Csc " "$log" | tail -1 | awk '{printf "%.1f", $1 / 1000}'
}

csc_seconds "$work/warm.log" >/dev/null   # a compiler server, if used, starts warm
if grep -q "Property 'UseSharedCompilation' with value 'false'" "$work/warm.log"; then
  echo "the compiler server is off (UseSharedCompilation=false): each build runs a new compiler process"
else
  echo "the compiler server is on"
fi
: > "$work/without.txt"; : > "$work/with.txt"
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    without=$(csc_seconds "$work/without.log" -p:KmemAnalyzers=false)
    with=$(csc_seconds "$work/with.log")
  else
    with=$(csc_seconds "$work/with.log")
    without=$(csc_seconds "$work/without.log" -p:KmemAnalyzers=false)
  fi
  echo "$without" >> "$work/without.txt"; echo "$with" >> "$work/with.txt"
  echo "round $round: compile without the KMEM analyzers ${without}s, with them ${with}s"
done
without=$(median < "$work/without.txt"); with=$(median < "$work/with.txt")
echo "median: without ${without}s, with ${with}s; the KMEM analyzers take $(echo "scale=1; 100 * ($with - $without) / $with" | bc)% of the compile time"
# Each round's own share (its two builds ran minutes apart at most, so the machine's drift cancels), and their median.
shares="$(paste "$work/without.txt" "$work/with.txt" | awk '{printf "%.1f\n", 100 * ($2 - $1) / $2}')"
echo "per-round shares (%): $(echo "$shares" | tr '\n' ' ')median $(echo "$shares" | median)%"
echo "compiler's analyzer report (last build with the analyzers; seconds summed over threads, waits included):"
grep -E "Total analyzer execution time|Kmem\.Analyzers\.Rules\." "$work/with.log" | grep -v -- "/analyzer:" | sed -E 's/^ *//; s/ \(TaskId:[0-9]+\)//' | tail -16 || true
echo "KMEM warnings: $(grep -cE "warning KMEM" "$work/with.log" || true)"
