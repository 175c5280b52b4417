# Shared by the timed scripts (sourced): a work directory removed on exit, a generated corpus in it, and median.
# usage: source corpus-common.sh <lines>; then "$repo", "$work" and "$work/corpus" are set.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run -c Release --project "$repo/bench/Kmem.Bench" -- generate "$work/corpus" "$1"

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
