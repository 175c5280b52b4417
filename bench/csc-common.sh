# Shared by the compiler-timing scripts (sourced after corpus-common.sh): builds the corpus once with a diagnostic
# log, takes the compiler's command line from it, and writes "$work/with.rsp" (as MSBuild ran it, the KMEM analyzers
# included) and "$work/without.rsp" (the same without them). Defines compile, which runs the compiler on one of them.
dotnet build "$work/corpus" -c Release -p:UseSharedCompilation=false -v:diag > "$work/build.log"

# The compiler's command line, as MSBuild ran it (one line of the diagnostic log); the arguments hold no spaces here.
line="$(grep -m1 -E '^ *[^ ]*/csc(\.exe)? /noconfig ' "$work/build.log" || true)"
if [ -z "$line" ]; then
  echo "$(basename "$0"): no csc command line in the build log ($work/build.log)" >&2
  exit 1
fi
read -r -a arguments <<< "$line"
compiler="${arguments[0]}"
# The log ends the line with MSBuild's task id, which is not an argument.
printf '%s\n' "${arguments[@]:1}" | grep -v -E '^\(TaskId:[0-9]+\)$' > "$work/with.rsp"
grep -v -E '^/analyzer:.*Kmem\.Analyzers\.dll$' "$work/with.rsp" > "$work/without.rsp"
if cmp -s "$work/with.rsp" "$work/without.rsp"; then
  echo "$(basename "$0"): the KMEM analyzers are not on the compiler's command line" >&2
  exit 1
fi

# Prints "wall user" seconds of one compile of "$work/<name>.rsp".
compile() {
  (cd "$work/corpus" && /usr/bin/time -f "%e %U" -o "$work/time.txt" "$compiler" "@$work/$1.rsp" > "$work/$1.out" 2>&1) \
    || { echo "$(basename "$0"): the compile failed, see below" >&2; tail -20 "$work/$1.out" >&2; exit 1; }
  cat "$work/time.txt"
}
