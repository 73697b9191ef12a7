#!/usr/bin/env bash
# What one map tile costs on one thread: sampling the display pyramid and PNG encoding, by zlib
# level 1 as before and by the literal Deflate coder, microseconds and bytes per tile by zoom band,
# for every tile to zoom 14 of a GeoTIFF (default: the 14060 x 13684 FBD HH image of the bench
# folder). Prints medians of several passes and a checksum of all tile pixels (equal checksums:
# equal pixels).
#
#   bench/tile-cost.sh                        # the FBD image, 5 passes
#   bench/tile-cost.sh path/to/image.tif 3      # 3 passes
#   bench/tile-cost.sh "" 3 15                   # to zoom 15: the z15 tiles enlarge (1.3 x)
#   bench/tile-cost.sh "" 3 14 2                 # pyramid from level 2 (25 m pixels, as ScanSAR):
#                                                # z14 tiles enlarge 2.6 x, smooth
#
# Output also goes to bench/out/tile-cost.txt (the last run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/bench/out"
mkdir -p "$out"
tif="${1:-}"
tif="${tif:-/tmp/alos2-ingest-bench/in-fbd/ALOS2146686640-170209-FBDR1.5GUA/IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif}"
passes="${2:-5}"
zoom="${3:-14}"
level="${4:-0}"

mvn -B -ntp -o -q test-compile
mvn -B -ntp -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/target/classes:$root/target/test-classes:$(cat "$out/classpath.txt")"

java -Xmx2g -cp "$cp" org.alos2ingest.render.TileCostBenchmark "$tif" "$passes" "$zoom" "$level" | tee "$out/tile-cost.txt"
