#!/usr/bin/env bash
# Builds a generated corpus of driver-like code twice, without and with the KMEM analyzers, and
# prints the compiler's own analyzer timing (-p:ReportAnalyzer=true).
# usage: bench/timed-build.sh [lines]   (default 100000)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
lines="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet run -c Release --project "$repo/bench/Kmem.Bench" -- generate "$work/corpus" "$lines"
dotnet build "$work/corpus" -c Release >/dev/null   # restore and build the runtime and analyzers once

time_build() {
  local log="$1"; shift
  local start end
  dotnet build "$work/corpus" -c Release --no-restore -t:Clean >/dev/null
  start=$(date +%s.%N)
  dotnet build "$work/corpus" -c Release --no-restore "$@" -p:ReportAnalyzer=true -v:diag > "$log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Each configuration twice, alternating; the compiler server is warm from the first build.
for round in 1 2; do
  without=$(time_build "$work/without.log" -p:RunAnalyzers=false)
  with=$(time_build "$work/with.log")
  echo "round $round: build without analyzers ${without}s, with analyzers ${with}s"
done
echo "compiler's analyzer report (last build with analyzers; times in seconds, summed over threads):"
grep -E "Total analyzer execution time|Kmem\.Analyzers\.Rules\." "$work/with.log" | grep -v -- "/analyzer:" | sed -E 's/^ *//; s/ \(TaskId:[0-9]+\)//' > "$work/report.txt" || true
head -25 "$work/report.txt"
echo "KMEM warnings: $(grep -cE "warning KMEM" "$work/with.log" || true)"
