#!/usr/bin/env bash
# Benchmark: the whole `alos2-ingest ingest` of full-size Level 1.5 GeoTIFF deliveries against plain
# `unzip` of the same zip, side by side in one run:
#   fbd  FBD, two polarisations of 14060 x 13684 (2 x 384 MB, the size of ALOS2146686640-170209)
#   fbs  FBS, one polarisation of the same size
#   ubs  UBS, one 27964 x 31459 image (1.76 GB)
# The ingest is timed as it runs by default (CRC-checked images streamed from the zip into the
# renderer: browse images, footprint check, the DN COG and map tiles to zoom 14 of every polarisation;
# then publish and catalog), and with --no-cog. unzip writes the files and does nothing else.
#
# Usage: bench/ingest-vs-unzip.sh [runs] [fbd] [fbs] [ubs]   (default 3 runs of each, all three; ~8 GB of disk)
# Environment: BENCH_DIR (default /tmp/alos2-ingest-bench), ALOS2_INGEST_JAVA_OPTS (launcher default -Xmx1500m).
# Prints each run's wall time and peak memory, the medians, and the ratios to unzip.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs="$1"; shift; fi
presets=("$@")
((${#presets[@]})) || presets=(fbd fbs ubs)
. "$root/bench/lib.sh"
bench_need /usr/bin/time time
bench_need unzip unzip
bench_install
cli="$root/bin/alos2-ingest"
"$cli" --version >/dev/null   # build the jar before timing anything
out="${BENCH_DIR:-/tmp/alos2-ingest-bench}/ingest-vs-unzip"
mkdir -p "$out"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { # timed NAME CMD...: runs CMD under /usr/bin/time -v, prints "seconds peakMB"
  local log="$out/$1.time"; shift
  /usr/bin/time -v -o "$log" "$@" >/dev/null
  echo "$(secs "$log") $(peak "$log")"
}
run_unzip() { rm -rf "$out/x"; mkdir -p "$out/x"; timed unzip unzip -q -o "$1" -d "$out/x"; rm -rf "$out/x"; }
# A new home per run, all removed at the end: removing thousands of tiles just before a run makes
# ext4 search past the freed inodes when the next run creates its files (recently_deleted), a cost
# of the benchmark's clean-up, not of an ingest.
homes=0
run_ingest() { local home="$1" zip="$2"; shift 2; ALOS2_INGEST_HOME="$home" timed ingest "$cli" ingest -q "$@" "$zip"; }

rows=()
for preset in "${presets[@]}"; do
  zip="$(bench_delivery "$preset")"
  size=$(stat -c %s "$zip")
  unzipped=$(unzip -l "$zip" | tail -1 | awk '{print $1}')
  echo "$preset: $(basename "$zip"): $((size / 1048576)) MiB zipped, $((unzipped / 1048576)) MiB unzipped"
  cat "$zip" >/dev/null
  run_unzip "$zip" >/dev/null; homes=$((homes + 1)); run_ingest "$out/home-$homes" "$zip" --no-cog >/dev/null   # warm-up
  declare -a U=() I=() N=() UM=() IM=() NM=()
  for ((i = 1; i <= runs; i++)); do
    read -r t m < <(run_unzip "$zip"); U+=("$t"); UM+=("$m")
    homes=$((homes + 1)); read -r t m < <(run_ingest "$out/home-$homes" "$zip"); I+=("$t"); IM+=("$m")
    homes=$((homes + 1)); read -r t m < <(run_ingest "$out/home-$homes" "$zip" --no-cog); N+=("$t"); NM+=("$m")
    printf '  run %d: unzip %6.2f s   ingest %6.2f s (%4d MB)   ingest --no-cog %6.2f s (%4d MB)\n' "$i" "${U[-1]}" "${I[-1]}" "${IM[-1]}" "${N[-1]}" "${NM[-1]}"
  done
  mu=$(printf '%s\n' "${U[@]}" | median); mi=$(printf '%s\n' "${I[@]}" | median); mn=$(printf '%s\n' "${N[@]}" | median)
  pi=$(printf '%s\n' "${IM[@]}" | sort -g | tail -1); pn=$(printf '%s\n' "${NM[@]}" | sort -g | tail -1)
  rm -rf "$out"/home-*
  rows+=("$(printf '%-4s %7d %8.2f | %8.2f %6.2fx %6d | %8.2f %6.2fx %6d' "$preset" $((size / 1048576)) "$mu" \
      "$mi" "$(echo "$mi / $mu" | bc -l)" "$pi" "$mn" "$(echo "$mn / $mu" | bc -l)" "$pn")")
done
echo
echo "medians of $runs runs; ratio = ingest time / unzip time; MB = largest peak resident memory"
printf '%-4s %7s %8s | %-24s | %-24s\n' "" "zip MiB" "unzip s" "ingest (tiles z14 + COG)" "ingest --no-cog"
printf '%-4s %7s %8s | %8s %7s %6s | %8s %7s %6s\n' "" "" "" "s" "ratio" "MB" "s" "ratio" "MB"
for r in "${rows[@]}"; do echo "$r"; done
rm -rf "$out/x" "$out"/home-*
