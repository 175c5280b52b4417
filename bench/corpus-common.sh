# Shared by the timed scripts (sourced): a work directory removed on exit, a generated corpus in it, and median.
# usage: source corpus-common.sh <lines> [dense|mixed|mixed-finding]; then "$repo", "$work" and "$work/corpus" are set.
# The kind defaults to $KMEM_CORPUS, or dense (the scripts that take no kind of their own read it there). A dense corpus
# is memory handling only (every function allocates or releases); a mixed one gives each module a driver's hardware side
# too (registers, link state, statistics, checksums), which allocates nothing: about half of its lines handle memory;
# mixed-finding is mixed with one KMEM001 bug, which starts the analyzers' whole-compilation context walk.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run -c Release --project "$repo/bench/Kmem.Bench" -- generate "$work/corpus" "$1" "${2:-${KMEM_CORPUS:-dense}}"

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
