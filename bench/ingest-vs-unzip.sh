#!/usr/bin/env bash
# Benchmark: `alos2-ingest ingest` of a full-size FBD Level 1.5 GeoTIFF delivery (2 x 384 MB images,
# the size of the real product ALOS2146686640-170209) against plain `unzip` of the same file, and
# against `unzip -t` followed by `unzip` (what the old system did: test the zip, then extract it).
# The ingest is timed twice: as it runs by default (CRC-checked unpack, metadata, browse images,
# footprint check, map tiles to zoom 14 of both polarisations, publish, catalog) and with --no-tiles.
#
# Usage: bench/ingest-vs-unzip.sh [runs]      (default 3 runs each; needs about 3 GB of free disk)
# Prints each run's wall time, the medians, and the ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
out="$root/bench/out/ingest-vs-unzip"
mkdir -p "$out"
cli="$root/bin/alos2-ingest"

zip="$out/0000148073_001001_ALOS2146686640-170209.zip"
if [[ ! -f "$zip" ]]; then
  echo "generating the full-size FBD L1.5 delivery (once)..."
  "$cli" sample --preset fbd --full-size -o "$out" >/dev/null
fi
"$cli" --version >/dev/null   # build the jar before timing anything
size=$(stat -c %s "$zip")
unzipped=$(unzip -l "$zip" | tail -1 | awk '{print $1}')
echo "delivery: $(basename "$zip"): $((size / 1048576)) MiB zipped, $((unzipped / 1048576)) MiB unzipped"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -r)"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_unzip() {
  rm -rf "$out/x"; mkdir -p "$out/x"
  local t0; t0=$(now)
  unzip -q -o "$zip" -d "$out/x"
  echo "$(now) - $t0" | bc
}
run_test_unzip() {
  rm -rf "$out/x"; mkdir -p "$out/x"
  local t0; t0=$(now)
  unzip -tq "$zip" >/dev/null
  unzip -q -o "$zip" -d "$out/x"
  echo "$(now) - $t0" | bc
}
run_ingest() {
  rm -rf "$out/home"
  local t0; t0=$(now)
  ALOS2_INGEST_HOME="$out/home" "$cli" ingest -q "$@" "$zip"
  echo "$(now) - $t0" | bc
}

# one warm-up of each so that the page cache treats them alike
run_unzip >/dev/null; run_ingest --no-tiles >/dev/null
declare -a U T I N
for ((i = 1; i <= runs; i++)); do
  U+=("$(run_unzip)"); T+=("$(run_test_unzip)"); I+=("$(run_ingest)"); N+=("$(run_ingest --no-tiles)")
  printf 'run %d: unzip %.2f s   unzip -t + unzip %.2f s   ingest %.2f s   ingest --no-tiles %.2f s\n' "$i" "${U[-1]}" "${T[-1]}" "${I[-1]}" "${N[-1]}"
done
mu=$(printf '%s\n' "${U[@]}" | median); mt=$(printf '%s\n' "${T[@]}" | median)
mi=$(printf '%s\n' "${I[@]}" | median); mn=$(printf '%s\n' "${N[@]}" | median)
echo
printf '%-58s %8s %10s %14s\n' "median of $runs runs" "seconds" "MiB/s" "ratio to unzip"
row() { printf '%-58s %8.2f %10.0f %14.2f\n' "$1" "$2" "$(echo "$unzipped / 1048576 / $2" | bc -l)" "$(echo "$2 / $mu" | bc -l)"; }
row "unzip" "$mu"
row "unzip -t + unzip (what the old system did before its work)" "$mt"
row "alos2-ingest ingest --no-tiles (unpack ... catalog, browse)" "$mn"
row "alos2-ingest ingest (the same, and 4780 tiles to zoom 14)" "$mi"
rm -rf "$out/x" "$out/home"
