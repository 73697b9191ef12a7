#!/usr/bin/env bash
# Fuzzing campaign: every Jazzer target (the @FuzzTest methods of the *FuzzTest classes) in fuzzing
# mode for MINUTES each, PARALLEL at a time, under nice -n 19, with a 1 s limit per input. Then a
# table: target, wall seconds (JVM starts included), JVM runs, executions, exec/s (while fuzzing),
# crashers (crash-* inputs libFuzzer wrote), timeouts (timeout-* inputs: replay them, on a loaded
# machine most are the JVM descheduled, not a slow parser), corpus size.
#
#   bench/fuzz.sh                 # 10 minutes per target, 2 in parallel
#   bench/fuzz.sh 1 2             # a 1-minute smoke run
#   TARGETS='org.alos2ingest.catalog.cql2.Cql2FuzzTest#cql2Text' bench/fuzz.sh 5 1
#
# The corpus each target grows stays in .cifuzz-corpus/<class>/<method>/ (git-ignored) and seeds the
# next campaign. FUZZ_OUT=DIR puts logs and the table elsewhere, for a second campaign beside a first.
# A crasher is written by Jazzer into the target's regression folder,
# src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>, which plain `mvn test` replays:
# fix the parser and commit it there. Logs and the table go to bench/out/fuzz/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
minutes="${1:-10}"
parallel="${2:-2}"
out="${FUZZ_OUT:-$root/bench/out/fuzz}"
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

# One target: its crashers before and after, libFuzzer's final stats from its logs. A libFuzzer timeout
# ends the JVM (a Java exception does not: -keep_going); the target is then started again on its grown
# corpus for the rest of its time, so one slow input costs a restart, not the target's whole budget.
fuzz_one() {
  local target="$1" cls="${1%#*}" method="${1#*#}"
  local inputs="src/test/resources/$(echo "${cls%.*}" | tr . /)/${cls##*.}Inputs/$method"
  local log="$out/${cls##*.}-$method.log"
  mkdir -p "$inputs"
  : >"$log"
  local start; start=$(date +%s)
  local budget; budget=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
  local runs=0 execs=0 fuzzing=0
  while (( $(date +%s) - start < budget - 30 )); do
    local left=$(( budget - ($(date +%s) - start) ))
    runs=$((runs + 1))
    echo "=== run $runs: $left s left" >>"$log"
    # jazzer.internal.arg.N are libFuzzer's arguments, after those of the @FuzzTest annotation: the last
    # -max_total_time wins over the annotation's maxDuration; -timeout is the per-input limit. The SSRF
    # detector is off: the portal targets connect to their own loopback server by design (and
    # BugDetectors.allowNetworkConnections did not reach the detector the agent loaded).
    JAZZER_FUZZ=1 nice -n 19 java -Xmx1g -XX:+UseSerialGC \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$left" \
      -Djazzer.internal.arg.2=-timeout=1 -Djazzer.internal.arg.3=-print_final_stats=1 \
      -Djazzer.keep_going="${KEEP_GOING:-50}" \
      -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery \
      -cp "$cp" bench/FuzzTarget.java "$target" >"$log.run" 2>&1 || true
    cat "$log.run" >>"$log"
    local n; n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log.run" | tail -1 | grep -o '[0-9]*$' || true)
    [[ -n "$n" ]] || n=$(grep -oE '^#[0-9]+' "$log.run" | tail -1 | tr -d '#' || true)
    execs=$(( execs + ${n:-0} ))
    local t; t=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log.run" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)
    [[ -n "$t" ]] || t=$(grep -oE 'exec/s: [0-9]+' "$log.run" | tail -1 | grep -oE '[0-9]+' | awk -v n="${n:-0}" '{ if ($1 > 0) printf "%d", n / $1 }' || true)
    fuzzing=$(( fuzzing + ${t:-0} ))
    grep -q 'libFuzzer: timeout' "$log.run" || break
  done
  rm -f "$log.run"
  local secs=$(( $(date +%s) - start ))
  # what libFuzzer wrote: crash-* (an exception or a failed check, deduplicated by stack), timeout-*
  local crashes; crashes=$(grep -o 'Test unit written to .*/crash-[0-9a-f]*' "$log" | sort -u | wc -l)
  local timeouts; timeouts=$(grep -o 'Test unit written to .*/timeout-[0-9a-f]*' "$log" | sort -u | wc -l)
  local rate=$(( execs / (fuzzing > 0 ? fuzzing : 1) ))
  local corpus; corpus=$(find ".cifuzz-corpus/$cls/$method" -type f 2>/dev/null | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$secs" "$execs" "$rate" "$crashes" "$timeouts" "$corpus" "$runs" >"$log.row"
  echo "done $target: $execs executions in ${secs}s ($runs run(s)), $crashes crasher(s), $timeouts timeout(s)" >&2
}
export -f fuzz_one
export out minutes cp

printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'fuzz_one "$@"' _ {}

{
  printf '%-50s %7s %5s %12s %7s %9s %9s %7s\n' target seconds runs executions exec/s crashers timeouts corpus
  for t in "${targets[@]}"; do
    cls="${t%#*}"; row="$out/${cls##*.}-${t#*#}.log.row"
    [[ -f "$row" ]] || continue
    IFS=$'\t' read -r name secs execs rate crashers timeouts corpus runs <"$row"
    printf '%-50s %7s %5s %12s %7s %9s %9s %7s\n' "${name#org.alos2ingest.}" "$secs" "$runs" "$execs" "$rate" "$crashers" "$timeouts" "$corpus"
  done
} | tee "$out/summary.txt"
