#!/usr/bin/env bash
# Benchmark: `alos2-ingest ingest` of a delivery already unpacked into a folder, beside the ingest of
# its zip and `zip -r -6` of the folder (what packaging the folder alone costs a user), side by side.
# A folder's images are read by the renderer and then zipped into the product's <id>.zip: by literals
# (util.LiteralDeflater) for the images, zlib for the small files. Reports the product zip's size
# against the delivery zip's.
#
# Usage: bench/folder-ingest.sh [runs] [fbd|fbs|ubs]   (default 3 runs of fbd)
# Environment: BENCH_DIR (default /tmp/alos2-ingest-bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
preset="${2:-fbd}"
. "$root/bench/lib.sh"
bench_need /usr/bin/time time
bench_need unzip unzip
bench_need zip zip
bench_install
cli="$root/bin/alos2-ingest"
"$cli" --version >/dev/null
out="${BENCH_DIR:-/tmp/alos2-ingest-bench}/folder-ingest"
mkdir -p "$out"
zip_in="$(bench_delivery "$preset")"
folder="$out/$preset"
[[ -f "$folder/summary.txt" ]] || { rm -rf "$folder"; mkdir -p "$folder"; unzip -q "$zip_in" -d "$folder"; }
echo "machine: $(nproc) cores; $preset: $(du -sm "$folder" | cut -f1) MB unpacked, delivery zip $(( $(stat -c %s "$zip_in") / 1048576 )) MiB"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { local log="$out/$1.time"; shift; /usr/bin/time -v -o "$log" "$@" >/dev/null; echo "$(secs "$log") $(peak "$log")"; }
# a home per run, removed at the end (see ingest-vs-unzip.sh: ext4 skips recently freed inodes)
n=0
declare -a F=() Z=() P=()
for ((i = 1; i <= runs; i++)); do
  n=$((n + 1)); read -r t m < <(ALOS2_INGEST_HOME="$out/home-$n" timed folder "$cli" ingest -q "$folder"); F+=("$t")
  product=$(find "$out/home-$n/published" -name '*.zip' | head -1)
  n=$((n + 1)); read -r t2 m2 < <(ALOS2_INGEST_HOME="$out/home-$n" timed zipped "$cli" ingest -q "$zip_in"); Z+=("$t2")
  rm -f "$out/p.zip"; read -r t3 m3 < <(cd "$folder" && timed zip zip -q -r -6 "$out/p.zip" .); P+=("$t3")
  printf '  run %d: ingest folder %6.2f s (%4d MB)   ingest zip %6.2f s (%4d MB)   zip -r -6 %6.2f s\n' "$i" "$t" "$m" "$t2" "$m2" "$t3"
done
mf=$(printf '%s\n' "${F[@]}" | median); mz=$(printf '%s\n' "${Z[@]}" | median); mp=$(printf '%s\n' "${P[@]}" | median)
echo
printf 'medians of %d runs: ingest of the folder %.2f s, of the zip %.2f s, zip -r -6 of the folder alone %.2f s (%.2fx the folder ingest)\n' \
  "$runs" "$mf" "$mz" "$mp" "$(echo "$mp / $mf" | bc -l)"
printf 'product zip from the folder: %d MiB; zip -r -6: %d MiB; the delivery zip: %d MiB\n' \
  $(( $(stat -c %s "$product") / 1048576 )) $(( $(stat -c %s "$out/p.zip") / 1048576 )) $(( $(stat -c %s "$zip_in") / 1048576 ))
rm -rf "$out"/home-* "$out/p.zip"
