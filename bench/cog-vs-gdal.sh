#!/usr/bin/env bash
# Cloud-Optimized GeoTIFFs, side by side, on the full-size generated FBD (2 x 14060 x 13684 px) and
# UBS (27964 x 31459 px, 1.76 GB) Level 1.5 deliveries:
#
#   ingest --no-cog    the whole ingest of the delivery zip without COGs (unpack, metadata, browse,
#                      tiles to zoom 14, publish, catalog)
#   ingest             the same with the DN COG of every polarisation (the default)
#   ingest --sigma0    the same with the sigma-nought COG as well
#   gdal_translate     per image, what a user would otherwise run to make the same file:
#                      gdal_translate -of COG -a_nodata 0 -co COMPRESS=DEFLATE -co PREDICTOR=2
#                      -co OVERVIEW_RESAMPLING=RMS (GDAL's default single thread), and again with
#                      -co NUM_THREADS=ALL_CPUS
#
# For each: wall time, peak memory (/usr/bin/time -v maximum resident set size) and the COG bytes;
# every COG is checked with GDAL's validate_cloud_optimized_geotiff.py. Prints what the COG adds to
# the ingest and the ratio to gdal_translate.
#
# Usage: bench/cog-vs-gdal.sh [fbd] [ubs]       (default both; needs about 15 GB free in BENCH_DIR)
# Environment: BENCH_DIR (default /tmp/alos2-ingest-bench), RUNS (default 2; the median is kept).
# Needs: Java 17, Maven, gdal-bin, python3-gdal, time, unzip (installed with apt-get when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-/tmp/alos2-ingest-bench}"
runs="${RUNS:-2}"
presets=("$@")
((${#presets[@]})) || presets=(fbd ubs)
validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py

. "$root/bench/lib.sh"
bench_need gdal_translate gdal-bin
bench_need "$validator" python3-gdal
bench_need /usr/bin/time time
bench_need unzip unzip
bench_install

"$root/bin/alos2-ingest" --version >/dev/null   # builds the jar when needed
jar="$root/target/alos2-ingest.jar"
java_opts="${ALOS2_INGEST_JAVA_OPTS:--Xmx1500m}"
mkdir -p "$bench"

mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
valid() {
  local f
  for f in "$@"; do
    /usr/bin/python3 "$validator" --full-check=yes "$f" >/dev/null || { echo "NOT A VALID COG: $f" >&2; return 1; }
  done
}

printf '%s\n' "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(gdalinfo --version)"
printf '%s\n' "java: $(java -version 2>&1 | head -1); options $java_opts; median of $runs runs"
rows=()
for preset in "${presets[@]}"; do
  dir="$bench/cog-$preset"
  if [[ ! -f "$dir/.done" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir/zip"
    echo "generating the full-size $preset delivery in $dir ..." >&2
    java $java_opts -jar "$jar" sample --preset "$preset" --full-size -o "$dir/zip" >/dev/null
    unzip -q -o "$dir/zip/"*.zip -d "$dir/images"
    touch "$dir/.done"
  fi
  zip="$(ls "$dir/zip/"*.zip)"
  mapfile -t images < <(find "$dir/images" -name 'IMG-*.tif' | sort)
  raw=0
  for img in "${images[@]}"; do raw=$((raw + $(stat -c %s "$img"))); done

  ingest() {   # ingest LABEL OPTIONS...: one run into a fresh home; prints "seconds peakMB cogBytes"
    local label="$1"; shift
    local home="$dir/home-$label"
    rm -rf "$home"
    cat "$zip" >/dev/null
    /usr/bin/time -v -o "$dir/$label.time" java $java_opts -jar "$jar" ingest -q --home "$home" "$@" "$zip"
    local cogs=()
    mapfile -t cogs < <(find "$home/published/datasets" -name '*.cog.tif')
    local bytes=0
    for c in "${cogs[@]}"; do bytes=$((bytes + $(stat -c %s "$c"))); done
    ((${#cogs[@]} == 0)) || valid "${cogs[@]}"
    echo "$(secs "$dir/$label.time") $(peak "$dir/$label.time") $bytes"
    rm -rf "$home"
  }
  translate() {   # translate LABEL EXTRA_CO...: every image; prints "seconds peakMB bytes"
    local label="$1"; shift
    local t=0 m=0 bytes=0
    for img in "${images[@]}"; do
      cat "$img" >/dev/null
      local out="$dir/$label-$(basename "$img" .tif).cog.tif"
      rm -f "$out"
      /usr/bin/time -v -o "$dir/$label.time" gdal_translate -q -of COG -a_nodata 0 -co COMPRESS=DEFLATE -co PREDICTOR=2 \
          -co OVERVIEW_RESAMPLING=RMS "$@" "$img" "$out"
      valid "$out"
      t="$(awk -v a="$t" -v b="$(secs "$dir/$label.time")" 'BEGIN { print a + b }')"
      local p; p="$(peak "$dir/$label.time")"
      ((p > m)) && m=$p
      bytes=$((bytes + $(stat -c %s "$out")))
      rm -f "$out"
    done
    echo "$t $m $bytes"
  }
  best() {   # best FUNCTION ARGS...: the run of median time out of $runs
    local all=()
    for ((r = 1; r <= runs; r++)); do all+=("$("$@")"); done
    printf '%s\n' "${all[@]}" | sort -g | awk -v n="${#all[@]}" 'NR == int((n + 1) / 2)'
  }

  read -r t_none m_none _ <<<"$(best ingest none --no-cog)"
  read -r t_cog m_cog b_cog <<<"$(best ingest cog)"
  read -r t_sig m_sig b_sig <<<"$(best ingest sigma0 --sigma0)"
  read -r t_g1 m_g1 b_g1 <<<"$(best translate gdal1)"
  read -r t_g2 m_g2 b_g2 <<<"$(best translate gdalall -co NUM_THREADS=ALL_CPUS)"
  added="$(awk -v a="$t_cog" -v b="$t_none" 'BEGIN { printf "%+.0f%%", 100 * (a - b) / b }')"
  rows+=("$(printf '%-3s %5s MB | %6.1f s %5d MB | %6.1f s %5d MB %5s MB %5s | %6.1f s %5d MB | %6.1f s %5d MB %5s MB %4.2fx | %6.1f s %5d MB %4.2fx' \
      "$preset" "$(mb "$raw")" "$t_none" "$m_none" "$t_cog" "$m_cog" "$(mb "$b_cog")" "$added" "$t_sig" "$m_sig" \
      "$t_g1" "$m_g1" "$(mb "$b_g1")" "$(awk -v g="$t_g1" -v o="$t_cog" 'BEGIN { print g / o }')" \
      "$t_g2" "$m_g2" "$(awk -v g="$t_g2" -v o="$t_cog" 'BEGIN { print g / o }')")")
  echo "${rows[-1]}" >&2
done
echo
printf '%-3s %8s | %-16s | %-34s | %-16s | %-42s | %s\n' "" "images" "ingest --no-cog" "ingest (DN COG): time, peak, COG, added" \
    "ingest --sigma0" "gdal_translate -of COG: time, peak, size, x" "gdal NUM_THREADS=ALL_CPUS"
for r in "${rows[@]}"; do
  echo "$r"
done
