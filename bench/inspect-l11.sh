#!/usr/bin/env bash
# Level 1.1 footprint in milliseconds: generates a UBS Level 1.1 product at its real size (25600 x 32971
# complex samples, a 6.77 GB IMG file, sparse so that it costs no disk), then times
# `alos2-ingest inspect` on it (everything read from the product, footprint by both methods, met.json)
# and reports the bytes it read. For comparison it times what any whole-image approach must do at the
# least: read the 6.77 GB IMG once (the old system ran ISCE's alos2App.py preprocessing, which reads
# the whole image and writes a copy of it; ISCE cannot run here, so this read is its lower bound).
#
#   bench/inspect-l11.sh            # 10 timed runs
#   RUNS=30 bench/inspect-l11.sh
#
# Results go to bench/out/inspect-l11/. Uses hyperfine when installed (Debian package "hyperfine").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${RUNS:-10}"
out="$root/bench/out/inspect-l11"
mkdir -p "$out"
jar="$root/target/alos2-ingest.jar"
if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  mvn -B -ntp -q -Dstyle.color=never -DskipTests package >/dev/null
fi
run() { java ${JAVA_OPTS:-} -jar "$jar" "$@"; }

product="$out/ALOS2403684200-200620-UBSL1.1__D"
rm -rf "$product"
run sample --preset ubs-l11 --full-size --folder -o "$out" >/dev/null
img="$product/IMG-HH-ALOS2403684200-200620-UBSL1.1__D"
img_bytes=$(stat -c %s "$img")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "product: $product"
echo "  IMG file: $img_bytes bytes ($(awk -v b="$img_bytes" 'BEGIN {printf "%.2f GB", b / 1e9}')), on disk $(du -k "$img" | cut -f1) KiB (sparse)"

# 1. What inspect reads, and how long it takes inside the JVM.
run inspect --stats "$product" 2>"$out/stats.txt" >"$out/inspect.json"
sed 's/^/  /' "$out/stats.txt"
read_bytes=$(grep -o '([0-9]* bytes' "$out/stats.txt" | tr -dc 0-9)
python3 - "$out/inspect.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["products"][0]
f = p["footprint"]
print("  footprint: " + f["method"])
print("  methods differ by %.3f m; times %s .. %s" % (f["methods_difference_m"], p["times"]["start"], p["times"]["end"]))
PY

# 2. Wall time of the whole command, JVM start included (plain, and with an application class-data archive).
cds="$out/alos2-ingest.jsa"
rm -f "$cds"
java -XX:ArchiveClassesAtExit="$cds" -jar "$jar" inspect "$product" >/dev/null 2>&1 || true
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" --export-json "$out/hyperfine.json" \
    -n "inspect (JVM start included)" "java -jar $jar inspect $product" \
    -n "inspect with a class-data archive" "java -XX:SharedArchiveFile=$cds -jar $jar inspect $product" >/dev/null
  python3 - "$out/hyperfine.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  %-36s mean %.3f s, median %.3f s, min %.3f s (%d runs)" % (r["command"], r["mean"], r["median"], r["min"], len(r["times"])))
PY
  inspect_s=$(python3 -c "import json; print(json.load(open('$out/hyperfine.json'))['results'][0]['median'])")
else
  times=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); run inspect "$product" >/dev/null; t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
  done
  inspect_s=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1000}')
  echo "  inspect (JVM start included): median ${inspect_s} s of $runs runs (${times[*]} ms)"
fi

# 3. The same in a running process (archive cataloging: one JVM, thousands of scenes).
mvn -B -ntp -q -Dstyle.color=never test-compile >/dev/null
mvn -B -ntp -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
java -cp "$root/target/classes:$root/target/test-classes:$(cat "$out/classpath.txt")" org.alos2ingest.inspect.InspectBenchmark "$product" 200 \
  | tee "$out/warm.txt" | sed 's/^/  /'
warm_s=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' "$out/warm.txt" | awk '{printf "%.6f", $1 / 1000}')

# 4. The least a whole-image tool must do: read the IMG once (here from holes, so no disk is involved;
#    a real 6.77 GB file on a 200 MB/s disk takes 34 s to read, and ISCE then writes a copy).
t0=$(date +%s%N); cat "$img" >/dev/null; t1=$(date +%s%N)
read_s=$(awk -v n=$(( t1 - t0 )) 'BEGIN {printf "%.2f", n / 1e9}')
echo "  reading the whole IMG once (cat > /dev/null): ${read_s} s"
awk -v i="$inspect_s" -v w="$warm_s" -v r="$read_s" -v b="$read_bytes" -v s="$img_bytes" 'BEGIN {
  printf "ratio: inspect is %.0fx faster than merely reading the image once (%.0fx in a warm JVM), and reads %.0f bytes of %.0f (1 in %.0f)\n",
    r / i, r / w, b, s, s / b }'
echo "old system (not runnable here): BOS SARCAT web service, else ISCE alos2App.py --end=preprocess over the whole image: minutes per scene"
