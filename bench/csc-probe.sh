#!/usr/bin/env bash
# Where the KMEM analyzers' CPU goes inside the compiler: builds a scratch copy of the analyzers (a git worktree of
# HEAD) with the probe of bench/csc-probe applied (thread CPU time and allocation per category: each rule's block
# actions, each whole-compilation index, each kind of per-method result, graphs, the pointer facts' two phases),
# runs the compiler on the generated corpus with it, and prints each run's table: milliseconds of thread CPU and MiB
# allocated per category (exclusive of the categories nested in it), the timeline of that CPU per 250 ms, and what ran
# in the last 1.5 s. Thread CPU is read with a system call per change of category (a few microseconds), so categories
# entered once per body (the rules, ~11,000 times on 100k lines) carry tens of milliseconds of the probe's own cost.
# The probe is never part of the shipped analyzers. When the patch no longer applies, regenerate it from a worktree
# with the probes edited in: git diff -- src > bench/csc-probe/probes.patch (Probe.cs and ProbingContext.cs excluded).
# usage: bench/csc-probe.sh [lines] [runs]   (defaults 100000 and 2)
set -euo pipefail
lines="${1:-100000}"
runs="${2:-2}"
source "$(dirname "$0")/corpus-common.sh" "$lines"
source "$(dirname "$0")/csc-common.sh"

scratch="$work/analyzers"
git -C "$repo" worktree add --detach -q "$scratch" HEAD
trap 'git -C "$repo" worktree remove --force "$scratch"; rm -rf "$work"' EXIT
if ! git -C "$scratch" apply "$repo/bench/csc-probe/probes.patch"; then
  echo "$(basename "$0"): bench/csc-probe/probes.patch no longer applies to HEAD; regenerate it (see the script's header)" >&2
  exit 1
fi
cp "$repo/bench/csc-probe/Probe.cs" "$repo/bench/csc-probe/ProbingContext.cs" "$scratch/src/Analyzers/Infrastructure/"
dotnet build "$scratch/src/Analyzers" -c Release > "$work/probe-build.log" \
  || { echo "$(basename "$0"): the probed analyzers do not build, see below" >&2; tail -20 "$work/probe-build.log" >&2; exit 1; }
probed="$scratch/src/Analyzers/bin/Release/netstandard2.0/Kmem.Analyzers.dll"
sed -E "s#^/analyzer:.*Kmem\.Analyzers\.dll\$#/analyzer:$probed#" "$work/with.rsp" > "$work/probed.rsp"
grep -q -F "$probed" "$work/probed.rsp"

for run in $(seq "$runs"); do
  KMEM_PROBE="$work/probe-$run.txt" compile probed > "$work/probed-time.txt"
  read -r wall user < "$work/probed-time.txt"
  echo "run $run: ${wall}s wall, ${user}s user"
  sed '/^---$/d' "$work/probe-$run.txt"
done
