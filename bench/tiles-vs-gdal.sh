#!/usr/bin/env bash
# Map tiles, side by side: alos2-ingest against GDAL on the same generated ALOS-2 Level 1.5 GeoTIFFs,
# same zoom range (0-14 by default).
#
#   alos2-ingest: `alos2-ingest render --max-zoom Z` of the unzipped product folder (one read of each
#                 image: browse PNGs, DN COG, tiles of every polarisation, footprint, viewer page), and
#                 the whole `alos2-ingest ingest --max-zoom Z` of the delivery zip (images streamed from
#                 it, CRC-checked; the same pictures, then publish and catalog)
#   GDAL:         per image, `gdal_translate -ot Byte -scale 0 7500 1 255 -a_nodata 0` (from a VRT that
#                 declares DN 0 no-data, so that no-data stays transparent as in alos2-ingest), then
#                 `gdal2tiles.py -z 0-Z --processes=2 --xyz`
#
# Prints wall time, peak memory (/usr/bin/time -v maximum resident set size; for GDAL the largest
# process of each step) and the tile count of each, and the time ratio.
#
# Usage: bench/tiles-vs-gdal.sh [fbd] [fbs] [ubs]  (default: all; the deliveries of bench/lib.sh's bench_delivery:
#        fbd two 14060 x 13684 polarisations, fbs one, ubs one 27964 x 31459 image, 1.76 GB)
# Environment: BENCH_DIR (default /tmp/alos2-ingest-bench; needs ~12 GB free), MAX_ZOOM (default 14),
#              RUNS (default 3: alos2-ingest's times are medians of RUNS runs; GDAL's take minutes and
#              are timed once), KEEP=1 keeps the outputs.
# Needs: Java 17 and Maven (to build), gdal-bin, python3-gdal and time (installed with apt-get when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${BENCH_DIR:-/tmp/alos2-ingest-bench}"
zoom="${MAX_ZOOM:-14}"
runs="${RUNS:-3}"
presets=("$@")
((${#presets[@]})) || presets=(fbd fbs ubs)

. "$root/bench/lib.sh"
bench_need gdal2tiles.py gdal-bin python3-gdal
bench_need gdal_translate gdal-bin
bench_need /usr/bin/time time
bench_need unzip unzip
bench_install

"$root/bin/alos2-ingest" --version >/dev/null   # builds the jar when needed
jar="$root/target/alos2-ingest.jar"
java_opts="${ALOS2_INGEST_JAVA_OPTS:--Xmx1500m}"
mkdir -p "$bench"
# Outputs of earlier runs are moved aside (a rename frees no inode) and removed at the end: removing
# thousands of tiles just before a timed run makes ext4 without a journal (this machine's disk) skip
# the freed inodes when the run creates its own (recently_deleted), a cost of the benchmark's
# clean-up, for GDAL as for alos2-ingest.
trash="$bench/trash-$$"
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
aside() { local p; for p in "$@"; do if [[ -e "$p" ]]; then mv "$p" "$trash/$(basename "$p").$RANDOM$RANDOM"; fi; done; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
tiles() { if [[ -d "$1" ]]; then find "$1" -path '*/[0-9]*/[0-9]*/*.png' | wc -l; else echo 0; fi; }

printf '%s\n' "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg); $(gdalinfo --version)"
printf '%s\n' "java: $(java -version 2>&1 | head -1); options $java_opts; alos2-ingest: medians of $runs runs"
results=()
for preset in "${presets[@]}"; do
  zip="$(bench_delivery "$preset")"
  in="$bench/unzipped-$preset"
  if [[ ! -f "$in/.done" ]]; then
    rm -rf "$in"; mkdir -p "$in/product"
    unzip -q "$zip" -d "$in/product"
    touch "$in/.done"
  fi
  product="$in/product"
  id="$(basename "$(ls "$product"/IMG-*.tif | head -1)" .tif | cut -d- -f3-)"
  images=("$product"/IMG-*.tif)
  size="$(du -ch "${images[@]}" | tail -1 | cut -f1)"
  # Same starting point for both: the images in the page cache.
  cat "${images[@]}" >/dev/null

  ours="$bench/out-$preset-ours"
  # ours RUNS times each (the median; GDAL's minutes once): this machine's runs vary by about 15 %
  T_R=(); T_I=(); m_ours=0; m_ing=0
  for ((r = 1; r <= runs; r++)); do
    aside "$ours" "$bench/home-ingest"
    /usr/bin/time -v -o "$bench/$preset-ours.time" java $java_opts -jar "$jar" render -q --home "$bench/home" \
        --max-zoom "$zoom" -o "$ours" "$product"
    T_R+=("$(secs "$bench/$preset-ours.time")")
    m="$(peak "$bench/$preset-ours.time")"; ((m > m_ours)) && m_ours=$m
    # the whole ingest of the delivery zip: images streamed from it, COG, tiles, publish, catalog
    cat "$zip" >/dev/null
    ALOS2_INGEST_HOME="$bench/home-ingest" /usr/bin/time -v -o "$bench/$preset-ingest.time" "$root/bin/alos2-ingest" ingest -q \
        --max-zoom "$zoom" "$zip" >/dev/null
    T_I+=("$(secs "$bench/$preset-ingest.time")")
    m="$(peak "$bench/$preset-ingest.time")"; ((m > m_ing)) && m_ing=$m
    cat "${images[@]}" >/dev/null
  done
  aside "$bench/home-ingest"
  t_ours="$(printf '%s\n' "${T_R[@]}" | median)"
  t_ing="$(printf '%s\n' "${T_I[@]}" | median)"
  n_ours=0
  for img in "${images[@]}"; do
    pol="$(basename "$img" | cut -d- -f2)"
    n_ours=$((n_ours + $(tiles "$ours/$id/tiles/$pol")))
  done

  gdal="$bench/out-$preset-gdal"
  aside "$gdal"
  mkdir -p "$gdal"
  t_gdal=0
  m_gdal=0
  n_gdal=0
  for img in "${images[@]}"; do
    pol="$(basename "$img" | cut -d- -f2)"
    gdal_translate -q -of VRT -a_nodata 0 "$img" "$gdal/$pol-src.vrt"
    /usr/bin/time -v -o "$gdal/$pol-translate.time" gdal_translate -q -ot Byte -scale 0 7500 1 255 -a_nodata 0 \
        "$gdal/$pol-src.vrt" "$gdal/$pol-disp.tif"
    /usr/bin/time -v -o "$gdal/$pol-tiles.time" gdal2tiles.py -q -z "0-$zoom" --processes=2 --xyz "$gdal/$pol-disp.tif" "$gdal/$pol"
    for step in translate tiles; do
      t_gdal="$(awk -v a="$t_gdal" -v b="$(secs "$gdal/$pol-$step.time")" 'BEGIN { print a + b }')"
      m="$(peak "$gdal/$pol-$step.time")"
      ((m > m_gdal)) && m_gdal=$m
    done
    n_gdal=$((n_gdal + $(tiles "$gdal/$pol")))
  done

  ratio="$(awk -v g="$t_gdal" -v o="$t_ours" 'BEGIN { printf "%.1f", g / o }')"
  ratio_ing="$(awk -v g="$t_gdal" -v o="$t_ing" 'BEGIN { printf "%.1f", g / o }')"
  match=$([[ "$n_ours" -eq "$n_gdal" ]] && echo "yes" || echo "no ($n_ours vs $n_gdal)")
  results+=("$(printf '%-4s %-34s %6s %7d | %9.1f s %7d MB %6sx | %9.1f s %7d MB %6sx | %9.1f s %7d MB | %s' "$preset" "$id" "$size" \
      "$n_ours" "$t_ours" "$m_ours" "$ratio" "$t_ing" "$m_ing" "$ratio_ing" "$t_gdal" "$m_gdal" "$match")")
  if [[ "${KEEP:-0}" != 1 ]]; then
    aside "$ours" "$gdal"
  fi
done
echo
printf '%-4s %-34s %6s %7s | %-30s | %-30s | %-22s | %s\n' "" "product" "images" "tiles" "render (folder), speed-up" \
    "whole ingest (zip), speed-up" "gdal_translate+gdal2tiles" "same tiles"
for r in "${results[@]}"; do
  echo "$r"
done
