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
  local start end
  start=$(date +%s.%N)
  dotnet build "$work/corpus" -c Release --no-restore --no-dependencies "$@" -p:ReportAnalyzer=true -v:detailed > "$work/build.log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

dotnet build "$work/corpus" -c Release --no-restore -t:Clean >/dev/null
without=$(time_build -p:RunAnalyzers=false)
dotnet build "$work/corpus" -c Release --no-restore -t:Clean >/dev/null
with=$(time_build)
echo "build without analyzers: ${without}s"
echo "build with analyzers:    ${with}s"
grep -E "Total analyzer execution time|Kmem\.Analyzers" "$work/build.log" | sed 's/^ *//' | sort -u | head -20
grep -cE "warning KMEM" "$work/build.log" | sed 's/^/KMEM warnings: /' || true
