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
dotnet build "$work/corpus" -c Release -p:UseSharedCompilation=false -v:diag > "$work/build.log"

# The compiler's command line, as MSBuild ran it (one line of the diagnostic log); the arguments hold no spaces here.
line="$(grep -m1 -E '^ *[^ ]*/csc(\.exe)? /noconfig ' "$work/build.log" || true)"
if [ -z "$line" ]; then
  echo "csc-pairs: no csc command line in the build log ($work/build.log)" >&2
  exit 1
fi
read -r -a arguments <<< "$line"
compiler="${arguments[0]}"
# The log ends the line with MSBuild's task id, which is not an argument.
printf '%s\n' "${arguments[@]:1}" | grep -v -E '^\(TaskId:[0-9]+\)$' > "$work/with.rsp"
grep -v -E '^/analyzer:.*Kmem\.Analyzers\.dll$' "$work/with.rsp" > "$work/without.rsp"
if cmp -s "$work/with.rsp" "$work/without.rsp"; then
  echo "csc-pairs: the KMEM analyzers are not on the compiler's command line" >&2
  exit 1
fi

# Prints "wall user" seconds of one compile.
compile() {
  (cd "$work/corpus" && /usr/bin/time -f "%e %U" -o "$work/time.txt" "$compiler" "@$work/$1.rsp" > "$work/$1.out" 2>&1) \
    || { echo "csc-pairs: the compile failed, see below" >&2; tail -20 "$work/$1.out" >&2; exit 1; }
  cat "$work/time.txt"
}

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
