#!/usr/bin/env bash
# Fuzzing campaign: every Jazzer target (the @FuzzTest methods of the *FuzzTest classes) in fuzzing
# mode for MINUTES each, PARALLEL at a time, under nice -n 19, with a 1 s limit per input. Then a
# table: target, wall seconds (JVM start included), executions, exec/s (libFuzzer's average while
# fuzzing), crashers found, corpus size.
#
#   bench/fuzz.sh                 # 10 minutes per target, 2 in parallel
#   bench/fuzz.sh 1 2             # a 1-minute smoke run
#   TARGETS='org.alos2ingest.catalog.cql2.Cql2FuzzTest#cql2Text' bench/fuzz.sh 5 1
#
# The corpus each target grows stays in .cifuzz-corpus/<class>/<method>/ (git-ignored) and seeds the
# next campaign. A crasher is written by Jazzer into the target's regression folder,
# src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>, which plain `mvn test` replays:
# fix the parser and commit it there. Logs and the table go to bench/out/fuzz/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
minutes="${1:-10}"
parallel="${2:-2}"
out="$root/bench/out/fuzz"
mkdir -p "$out"

mvn -B -ntp -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test-classpath.txt >/dev/null
# the campaign runs on a copy of the classes, so that rebuilding while it runs (to fix what it found)
# changes nothing under the targets still to come
snapshot="$out/classes"
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -r target/classes target/test-classes "$snapshot/"
cp="$snapshot/test-classes:$snapshot/classes:$(cat target/test-classpath.txt)"

if [[ -z "${TARGETS:-}" ]]; then
  # every @FuzzTest method, as Class#method, from the compiled test classes
  TARGETS=$(find target/test-classes -name '*FuzzTest.class' | sort | while read -r f; do
    cls=$(echo "${f#target/test-classes/}" | sed 's/\.class$//; s#/#.#g')
    javap -p -cp target/test-classes -v "$cls" | awk -v c="$cls" '
      /^  [a-z].*\(byte\[\]\);$/ { m = $0; sub(/\(.*/, "", m); n = split(m, w, " "); name = w[n] }
      /FuzzTest;/ && name != "" { print c "#" name; name = "" }'
  done)
fi
mapfile -t targets <<<"$TARGETS"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "${#targets[@]} targets, ${minutes} min each, ${parallel} in parallel, 1 s per input at most"

# One target: its crashers before and after, libFuzzer's final stats from the log.
fuzz_one() {
  local target="$1" cls="${1%#*}" method="${1#*#}"
  local inputs="src/test/resources/$(echo "${cls%.*}" | tr . /)/${cls##*.}Inputs/$method"
  local log="$out/${cls##*.}-$method.log"
  mkdir -p "$inputs"
  local before; before=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' | wc -l)
  local start; start=$(date +%s)
  # jazzer.internal.arg.N are libFuzzer's arguments, after those of the @FuzzTest annotation: the last
  # -max_total_time wins over the annotation's maxDuration; -timeout is the per-input limit.
  JAZZER_FUZZ=1 nice -n 19 java -Xmx1g -XX:+UseSerialGC \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')" \
    -Djazzer.internal.arg.2=-timeout=1 -Djazzer.internal.arg.3=-print_final_stats=1 \
    -Djazzer.keep_going="${KEEP_GOING:-20}" \
    -cp "$cp" bench/FuzzTarget.java "$target" >"$log" 2>&1 || true
  local secs=$(( $(date +%s) - start ))
  local after; after=$(find "$inputs" -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' | wc -l)
  local execs; execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  [[ -n "$execs" ]] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  local rate; rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  local corpus; corpus=$(find ".cifuzz-corpus/$cls/$method" -type f 2>/dev/null | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$secs" "${execs:-0}" "${rate:-0}" "$((after - before))" "$corpus" >"$log.row"
  echo "done $target: ${execs:-0} executions in ${secs}s, $((after - before)) new crasher(s)" >&2
}
export -f fuzz_one
export out minutes cp

printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'fuzz_one "$@"' _ {}

{
  printf '%-62s %7s %12s %8s %9s %7s\n' target seconds executions exec/s crashers corpus
  for t in "${targets[@]}"; do
    cls="${t%#*}"; row="$out/${cls##*.}-${t#*#}.log.row"
    [[ -f "$row" ]] || continue
    IFS=$'\t' read -r name secs execs rate crashers corpus <"$row"
    printf '%-62s %7s %12s %8s %9s %7s\n' "${name#org.alos2ingest.}" "$secs" "$execs" "$rate" "$crashers" "$corpus"
  done
} | tee "$out/summary.txt"
