#!/usr/bin/env bash
# Where the KMEM analyzers' CPU goes inside the compiler: builds a scratch copy of the analyzers (a git worktree of
# HEAD) with the probe of bench/csc-probe applied (thread CPU time and allocation per category: each rule's block
# actions, each whole-compilation index, each kind of per-method result, graphs, the pointer facts' two phases),
# runs the compiler on the generated corpus with it, and prints each run's table: milliseconds of thread CPU and MiB
# allocated per category (exclusive of the categories nested in it), the timeline of that CPU per 250 ms, and what ran
# in the last 1.5 s. Thread CPU is read with a system call per change of category (about a microsecond), so categories
# entered once per body (the rules, ~11,000 times on 100k lines) carry tens of milliseconds of the probe's own cost.
# With a base commit, the same probe is built at both commits and the two are run alternately (the machine's speed
# drifts by ±20% within minutes: only alternated runs compare two versions); it prints each category's median per
# version and each run's share of the compile's CPU, with and without the probe's own cost (which it measures at exit).
# The probe is never part of the shipped analyzers. When the patch no longer applies, regenerate it from a worktree
# with the probes edited in: git diff -- src > bench/csc-probe/probes.patch (Probe.cs and ProbingContext.cs excluded).
# usage: bench/csc-probe.sh [lines] [runs] [base commit]   (defaults 100000, 2, none)
set -euo pipefail
lines="${1:-100000}"
runs="${2:-2}"
base="${3:-}"
source "$(dirname "$0")/corpus-common.sh" "$lines"
source "$(dirname "$0")/csc-common.sh"

worktrees=()
trap 'for tree in "${worktrees[@]}"; do git -C "$repo" worktree remove --force "$tree"; done; rm -rf "$work"' EXIT

# Builds the probed analyzers of a commit and writes "$work/<name>.rsp" that runs them.
probed() {
  local commit="$1" name="$2" scratch="$work/analyzers-$2"
  git -C "$repo" worktree add --detach -q "$scratch" "$commit"
  worktrees+=("$scratch")
  # The patch and the probe of the current checkout: a base commit may predate them.
  if ! git -C "$scratch" apply "$repo/bench/csc-probe/probes.patch"; then
    echo "$(basename "$0"): bench/csc-probe/probes.patch does not apply to $commit; regenerate it (see the script's header)" >&2
    exit 1
  fi
  cp "$repo/bench/csc-probe/Probe.cs" "$repo/bench/csc-probe/ProbingContext.cs" "$scratch/src/Analyzers/Infrastructure/"
  dotnet build "$scratch/src/Analyzers" -c Release > "$work/build-$name.log" \
    || { echo "$(basename "$0"): the probed analyzers of $commit do not build, see below" >&2; tail -20 "$work/build-$name.log" >&2; exit 1; }
  local dll="$scratch/src/Analyzers/bin/Release/netstandard2.0/Kmem.Analyzers.dll"
  sed -E "s#^/analyzer:.*Kmem\.Analyzers\.dll\$#/analyzer:$dll#" "$work/with.rsp" > "$work/$name.rsp"
  grep -q -F "$dll" "$work/$name.rsp"
}

if [ -z "$base" ]; then
  probed HEAD head
  for run in $(seq "$runs"); do
    KMEM_PROBE="$work/probe-head-$run.txt" compile head > "$work/run-time.txt"
    read -r wall user < "$work/run-time.txt"
    echo "run $run: ${wall}s wall, ${user}s user"
    sed '/^---$/d' "$work/probe-head-$run.txt"
  done
  exit 0
fi

probed "$base" base
probed HEAD head
: > "$work/runs.txt"
for run in $(seq "$runs"); do
  for name in base head; do
    KMEM_PROBE="$work/probe-$name-$run.txt" compile "$name" > "$work/run-time.txt"
    echo "$name $run $(cat "$work/run-time.txt")" >> "$work/runs.txt"
  done
done
python3 - "$work" "$base" <<'PY'
import collections, re, statistics, sys
work, base = sys.argv[1], sys.argv[2]
names = ['base', 'head']
rows = collections.defaultdict(lambda: collections.defaultdict(list))
user = collections.defaultdict(list)
own = collections.defaultdict(list)
for line in open(f'{work}/runs.txt'):
    name, run, _, cpu = line.split()
    user[name].append(float(cpu))
    for row in open(f'{work}/probe-{name}-{run}.txt'):
        m = re.match(r'\s+([\d.]+) ms\s+[\d.]+ MiB\s+\d*\s+(.*)$', row)
        if m:
            rows[m.group(2).strip()][name].append(float(m.group(1)))
        m = re.match(r"probe's own cost:\s+([\d.]+) ms", row)
        if m:
            own[name].append(float(m.group(1)))
print(f"{'category (median ms of thread CPU)':<44}{'base ' + base[:10]:>18}{'HEAD':>10}")
for category in sorted(rows, key=lambda c: -statistics.median(rows[c]['head'] or [0])):
    cells = ''.join(f"{statistics.median(rows[category][n]):>{w}.0f}" if rows[category][n] else f"{'-':>{w}}" for n, w in zip(names, (18, 10)))
    print(f'{category[:44]:<44}{cells}')
print(f"{'compile user CPU, s (median)':<44}{statistics.median(user['base']):>18.2f}{statistics.median(user['head']):>10.2f}")
for name in names:
    shares = [100 * t / 1000 / u for t, u in zip(rows['total'][name], user[name])]
    print(f"{name}: our callbacks' share of the compile's CPU per run: {' '.join(f'{s:.1f}%' for s in shares)}; median {statistics.median(shares):.1f}%")
    if len(own[name]) == len(shares):
        net = [100 * (t - o) / 1000 / u for t, o, u in zip(rows['total'][name], own[name], user[name])]
        print(f"{name}: the same less the probe's own cost: {' '.join(f'{s:.1f}%' for s in net)}; median {statistics.median(net):.1f}%")
PY
