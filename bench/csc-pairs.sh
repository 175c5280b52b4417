#!/usr/bin/env bash
# Times the compiler alone (csc run directly: no MSBuild, no build server) on a generated corpus of driver code,
# without and with the KMEM analyzers (everything else identical), in interleaved pairs. Prints each pair's wall
# and user CPU seconds, then the medians and the median of the per-pair shares: the two runs of a pair share the
# machine's momentary speed, so the per-pair share is steadier than a share of medians on a noisy machine.
# usage: bench/csc-pairs.sh [lines] [rounds]   (defaults 100000 and 6)
set -euo pipefail
lines="${1:-100000}"
rounds="${2:-6}"
source "$(dirname "$0")/corpus-common.sh" "$lines"
source "$(dirname "$0")/csc-common.sh"

compile with > /dev/null   # warm the disk cache and the JIT'd images
: > "$work/pairs.txt"
for round in $(seq "$rounds"); do
  read -r without_wall without_user <<< "$(compile without)"
  read -r with_wall with_user <<< "$(compile with)"
  share=$(echo "scale=1; 100 * ($with_wall - $without_wall) / $with_wall" | bc)
  echo "$without_wall $without_user $with_wall $with_user $share" >> "$work/pairs.txt"
  echo "pair $round: without ${without_wall}s wall (${without_user}s user), with ${with_wall}s wall (${with_user}s user): share ${share}%"
done
echo "median: without $(cut -d' ' -f1 "$work/pairs.txt" | median)s wall ($(cut -d' ' -f2 "$work/pairs.txt" | median)s user)," \
  "with $(cut -d' ' -f3 "$work/pairs.txt" | median)s wall ($(cut -d' ' -f4 "$work/pairs.txt" | median)s user);" \
  "median of the per-pair shares: $(cut -d' ' -f5 "$work/pairs.txt" | median)%"
echo "KMEM warnings in the last compile with the analyzers: $(grep -cE "warning KMEM" "$work/with.out" || true)"
