#!/usr/bin/env bash
# Where the KMEM analyzers' compile time goes: the compiler alone (as bench/csc-pairs.sh runs it) on the generated
# corpus without analyzers of ours, with the operations floor (an analyzer that asks for every body's operations and
# does nothing), with the graph floor (one that also builds and keeps a control flow graph for every body with a
# call, as the flow rules do), with the KMEM pointer-facts engine and KMEM002 alone (the other rules switched off in a
# .globalconfig), and with every KMEM rule. The configurations run in rotation, one of each per round; prints each
# one's median wall and user seconds and the median over the rounds of its share against the run without.
# usage: bench/csc-floors.sh [lines] [rounds]   (defaults 100000 and 6)
set -euo pipefail
lines="${1:-100000}"
rounds="${2:-6}"
source "$(dirname "$0")/corpus-common.sh" "$lines"
source "$(dirname "$0")/csc-common.sh"

dotnet build "$repo/bench/Kmem.Bench.Floors" -c Release > "$work/floors-build.log"
floors="$repo/bench/Kmem.Bench.Floors/bin/Release/netstandard2.0/Kmem.Bench.Floors.dll"
# Both floors live in one assembly: each configuration switches the other off (a switched-off analyzer is not run).
configure() {
  local name="$1"; shift
  { echo "is_global = true"; for id in "$@"; do echo "dotnet_diagnostic.$id.severity = none"; done; } > "$work/$name.globalconfig"
}
configure operations GRAPHFLOOR
configure graphs FLOOR
configure engine KMEM001 KMEM003 KMEM004 KMEM005 KMEM006 KMEM007 KMEM008 KMEM009 KMEM010 KMEM011 KMEM012 KMEM013 KMEM014 KMEM015
{ cat "$work/without.rsp"; echo "/analyzer:$floors"; echo "/analyzerconfig:$work/operations.globalconfig"; } > "$work/operations.rsp"
{ cat "$work/without.rsp"; echo "/analyzer:$floors"; echo "/analyzerconfig:$work/graphs.globalconfig"; } > "$work/graphs.rsp"
{ cat "$work/with.rsp"; echo "/analyzerconfig:$work/engine.globalconfig"; } > "$work/engine.rsp"

configurations=(without operations graphs engine with)
compile with > /dev/null   # warm the disk cache and the JIT'd images
: > "$work/rounds.txt"
# Each round starts one configuration further on, so that none always runs right after the heaviest.
count=${#configurations[@]}
for round in $(seq "$rounds"); do
  declare -A times=()
  for step in $(seq 0 $((count - 1))); do
    name="${configurations[$(((round - 1 + step) % count))]}"
    times[$name]="$(compile "$name")"
  done
  line="$round"
  for name in "${configurations[@]}"; do
    line="$line $name ${times[$name]}"
  done
  unset times
  echo "$line" >> "$work/rounds.txt"
  echo "round $line"
done
for index in "${!configurations[@]}"; do
  name="${configurations[$index]}"
  column=$((index * 3 + 3))
  summary="$name: median $(cut -d' ' -f"$column" "$work/rounds.txt" | median)s wall ($(cut -d' ' -f$((column + 1)) "$work/rounds.txt" | median)s user)"
  if [ "$index" -gt 0 ]; then
    share=$(awk -v c="$column" '{ printf "%.1f\n", 100 * ($c - $3) / $c }' "$work/rounds.txt" | median)
    summary="$summary; median of the per-round shares against without: ${share}%"
  fi
  echo "$summary"
done
