#!/usr/bin/env bash
# Regenerates the performance report in ONE command: builds the benchmarks module, runs the whole JMH suite on
# JDK 17 (the default java) and on JDK 25, then the token cache's contention benchmark with 1 and with 4 threads on
# each, measures the dependency footprint and the token cache's memory per entry, and renders everything as markdown
# for docs/performance.md.
#
#   benchmarks/run.sh                        # full run, defaults below (about 25 min per JDK on 2 cores)
#   JMH_FORKS=1 JMH_WARMUP_ITERATIONS=1 JMH_ITERATIONS=2 JMH_TIME=1s benchmarks/run.sh     # quicker, rougher
#   JMH_INCLUDE='FloorBenchmark' benchmarks/run.sh                                         # a subset (regex)
#
# Environment (defaults): JMH_FORKS (2), JMH_WARMUP_ITERATIONS (3), JMH_WARMUP_TIME (2s), JMH_ITERATIONS (5),
# JMH_TIME (2s), JMH_THREADS (1), JMH_INCLUDE (all), JMH_EXTRA_ARGS (none, e.g. "-prof gc"),
# CONTENTION_THREADS (4: two per core here; the contention benchmark also runs with 1), SKIP_CONTENTION=1 to leave it
# out (it also runs ContentionRounds, the same cases in interleaved rounds: CONTENTION_ROUNDS, "20 200 2"),
# ENGINE_ROUNDS ("60 150 4": rounds, ms per slice, s of warm-up for EngineRounds), SKIP_ENGINE_ROUNDS=1 to leave
# it out, CONTENTION_EXTRA_ARGS (JMH_EXTRA_ARGS unless set, even to nothing: e.g. JMH_EXTRA_ARGS="-p alg=EdDSA" for the
# main run and CONTENTION_EXTRA_ARGS= to keep both of the contention benchmark's algorithms),
# JDK17_JAVA (java), JDK25_HOME (/usr/lib/jvm/temurin-25-jdk-amd64; the JDK 25 run is skipped if it is missing),
# CACHE_MEMORY_ENTRIES (10000), REPORT_DIR (benchmarks/target/report), SKIP_BUILD=1 to reuse benchmarks.jar.
#
# Output: $REPORT_DIR/performance.md (paste into docs/performance.md), jmh-jdk17.json / jmh-jdk25.json (raw JMH),
# jmh-jdk*.log. Run it on an otherwise idle machine: the numbers are only as good as the quiet around them.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

FORKS="${JMH_FORKS:-2}"
WI="${JMH_WARMUP_ITERATIONS:-3}"
WT="${JMH_WARMUP_TIME:-2s}"
MI="${JMH_ITERATIONS:-5}"
MT="${JMH_TIME:-2s}"
THREADS="${JMH_THREADS:-1}"
INCLUDE="${JMH_INCLUDE:-}"
EXTRA="${JMH_EXTRA_ARGS:-}"
JAVA17="${JDK17_JAVA:-java}"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA25="$JDK25_HOME/bin/java"
ENTRIES="${CACHE_MEMORY_ENTRIES:-10000}"
CONTENTION_THREADS="${CONTENTION_THREADS:-4}"
ENGINE_ROUNDS="${ENGINE_ROUNDS:-60 150 4}"
CONTENTION_ROUNDS="${CONTENTION_ROUNDS:-20 200 2}"
CONTENTION=TokenCacheContentionBenchmark
OUT="${REPORT_DIR:-$here/target/report}"
JAR="$here/target/benchmarks.jar"

seconds() { # 2s, 500ms, 1m -> seconds (fractional)
  case "$1" in
    *ms) awk -v v="${1%ms}" 'BEGIN {print v / 1000}' ;;
    *s) echo "${1%s}" ;;
    *m) awk -v v="${1%m}" 'BEGIN {print v * 60}' ;;
    *) echo "$1" ;;
  esac
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== Building benchmarks.jar"
  ./mvnw -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$OUT"

# The JVMs: label, java binary, extra options (inherited by JMH's forks).
labels=(jdk17)
javas=("$JAVA17")
opts=("")
if [ -x "$JAVA25" ]; then
  labels+=(jdk25)
  javas+=("$JAVA25")
  # JMH 1.37 uses sun.misc.Unsafe, which JDK 24+ warns about in every fork; "allow" is what JDK 17 does anyway.
  opts+=("--sun-misc-unsafe-memory-access=allow")
else
  echo "!! $JAVA25 not found: the JDK 25 run is skipped" >&2
fi
java_version() { "$1" -version 2>&1 | head -2 | tail -1; }

# Estimate: every benchmark x alg combination runs FORKS forks of (warm-up + measurement + ~1 s JVM start and set-up).
# shellcheck disable=SC2086
combos="$("$JAVA17" -jar "$JAR" -lp -e "$CONTENTION" $INCLUDE \
  | awk '/param "alg" = \{/ {n += gsub(/,/, ",") + 1} END {print n + 0}')"
per_fork="$(awk -v wi="$WI" -v wt="$(seconds "$WT")" -v mi="$MI" -v mt="$(seconds "$MT")" \
  'BEGIN {print wi * wt + mi * mt + 1}')"
per_jvm="$(awk -v c="$combos" -v f="$FORKS" -v s="$per_fork" 'BEGIN {printf "%.0f", c * f * s / 60}')"
echo "== Environment"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc: $(nproc)"
for i in "${!labels[@]}"; do
  echo "${labels[$i]}: $(java_version "${javas[$i]}") ${opts[$i]}"
done
echo "JMH: $combos benchmark/algorithm combinations; -f $FORKS -wi $WI -w $WT -i $MI -r $MT -t $THREADS ${INCLUDE:+(include: $INCLUDE)} $EXTRA"
echo "Estimated duration: ~$per_jvm min per JVM, ~$(( per_jvm * ${#labels[@]} )) min for the JMH runs, plus ~3 min"
echo "(build, footprint, cache memory)"

renderer_args=()
for i in "${!labels[@]}"; do
  label="${labels[$i]}"
  echo "== JMH on $label (${javas[$i]} ${opts[$i]}), started $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  "${javas[$i]}" ${opts[$i]} -jar "$JAR" -f "$FORKS" -wi "$WI" -w "$WT" -i "$MI" -r "$MT" -t "$THREADS" -foe true \
    -e "$CONTENTION" -rf json -rff "$OUT/jmh-$label.json" $EXTRA $INCLUDE 2>&1 | tee "$OUT/jmh-$label.log"
  renderer_args+=("$label=$OUT/jmh-$label.json")
  if [ "${SKIP_CONTENTION:-0}" != 1 ]; then
    for t in 1 "$CONTENTION_THREADS"; do
      echo "== Token cache contention on $label, $t thread(s), started $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
      # shellcheck disable=SC2086
      "${javas[$i]}" ${opts[$i]} -jar "$JAR" -f "$FORKS" -wi "$WI" -w "$WT" -i "$MI" -r "$MT" -t "$t" -foe true \
        -rf json -rff "$OUT/contention-$label-t$t.json" ${CONTENTION_EXTRA_ARGS-$EXTRA} "$CONTENTION" 2>&1 \
        | tee "$OUT/contention-$label-t$t.log"
    done
    renderer_args+=(--contention "$label=$OUT/contention-$label-t1.json,$OUT/contention-$label-t$CONTENTION_THREADS.json")
    echo "== Token cache contention in interleaved rounds on $label, started $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    "${javas[$i]}" ${opts[$i]} -cp "$JAR" dev.betterauth4j.benchmarks.tools.ContentionRounds $CONTENTION_ROUNDS \
      | tee "$OUT/contention-rounds-$label.md"
  fi
  if [ "${SKIP_ENGINE_ROUNDS:-0}" != 1 ]; then
    echo "== Ed25519 engines in interleaved rounds on $label, started $(date -u +%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    "${javas[$i]}" ${opts[$i]} -cp "$JAR" dev.betterauth4j.benchmarks.tools.EngineRounds $ENGINE_ROUNDS \
      | tee "$OUT/engine-rounds-$label.md"
  fi
done

echo "== Footprint"
# What an application gets. Tink and Bouncy Castle are optional dependencies of auth-core, so neither they nor what
# they pull in reach an application's classpath unless the application adds them itself; Maven marks all of those
# "(optional)" in the list.
./mvnw -B -q -pl auth-core dependency:list -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true \
  -DoutputFile="$OUT/auth-core.dependencies"
jars_of() { # $1 = required|optional: the absolute jar paths of that kind, one per line
  grep -E '\.jar' "$OUT/auth-core.dependencies" \
    | if [ "$1" = optional ]; then grep -F '(optional)'; else grep -vF '(optional)'; fi \
    | sed -E 's/^.*:(\/[^ ]+\.jar).*$/\1/'
}
jars_of required | paste -sd: > "$OUT/auth-core.classpath"
jars_of optional | grep -v '/bcprov-' | paste -sd: > "$OUT/tink.classpath"
jars_of optional | grep '/bcprov-' | paste -sd: > "$OUT/bouncycastle.classpath"
core_jar="$(ls auth-core/target/betterauth4j-core-*.jar | grep -v -e '-sources.jar' -e '-javadoc.jar' | head -1)"
"$JAVA17" -cp "$JAR" dev.betterauth4j.benchmarks.tools.Footprint "$core_jar" "@$OUT/auth-core.classpath" \
  > "$OUT/footprint.md"
{
  echo
  echo "Optional, only on the classpath when the application adds Tink (about 3x faster EdDSA):"
  echo
  "$JAVA17" -cp "$JAR" dev.betterauth4j.benchmarks.tools.Footprint "@$OUT/tink.classpath"
  echo
  echo "Optional, only on the classpath when the application adds Bouncy Castle (the fastest EdDSA engine, see above):"
  echo
  "$JAVA17" -cp "$JAR" dev.betterauth4j.benchmarks.tools.Footprint "@$OUT/bouncycastle.classpath"
} >> "$OUT/footprint.md"
cat "$OUT/footprint.md"

echo "== Token cache memory per entry ($ENTRIES entries)"
: > "$OUT/cache-memory.md"
for i in "${!labels[@]}"; do
  # shellcheck disable=SC2086
  "${javas[$i]}" ${opts[$i]} -XX:+UseSerialGC -Xmx1g -cp "$JAR" dev.betterauth4j.benchmarks.tools.CacheMemory \
    "$ENTRIES" EdDSA | tee -a "$OUT/cache-memory.md"
  echo >> "$OUT/cache-memory.md"
done

echo "== OAuth access tokens and DPoP, in pairs (tools.PairedOAuthCost)"
"$JAVA17" -Dbetterauth4j.ed25519=jdk -cp "$JAR" dev.betterauth4j.benchmarks.tools.PairedOAuthCost \
  | tee "$OUT/oauth-paired.md"

echo "== Rendering"
"$JAVA17" -cp "$JAR" dev.betterauth4j.benchmarks.tools.ReportRenderer \
  --title "Verification throughput ($(date -u +%Y-%m-%d))" --out "$OUT/tables.md" \
  ${INCLUDE:+--allow-missing} "${renderer_args[@]}" > /dev/null
{
  cat "$OUT/tables.md"
  echo
  for label in "${labels[@]}"; do
    if [ -f "$OUT/contention-rounds-$label.md" ]; then
      echo "### The token cache under contention in interleaved rounds, $label (ContentionRounds)"
      echo
      cat "$OUT/contention-rounds-$label.md"
      echo
    fi
    if [ -f "$OUT/engine-rounds-$label.md" ]; then
      echo "### Ed25519 engines in interleaved rounds, $label (EngineRounds)"
      echo
      cat "$OUT/engine-rounds-$label.md"
      echo
    fi
  done
  echo "### Dependency footprint (auth-core and its runtime dependencies)"
  echo
  cat "$OUT/footprint.md"
  echo
  echo "### Verified-token cache: memory per entry"
  echo
  cat "$OUT/cache-memory.md"
  echo "### OAuth access tokens and DPoP, measured in pairs (JDK 17)"
  echo
  cat "$OUT/oauth-paired.md"
  echo
  echo "### How these numbers were made"
  echo
  echo "\`benchmarks/run.sh\` on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) CPUs;"
  echo "JMH -f $FORKS -wi $WI -w $WT -i $MI -r $MT -t $THREADS $EXTRA (the contention benchmark also with"
  echo "-t $CONTENTION_THREADS); load average when the report was rendered: $(cut -d' ' -f1-3 /proc/loadavg); JVMs:"
  for i in "${!labels[@]}"; do echo "${labels[$i]} $(java_version "${javas[$i]}") ${opts[$i]};"; done
} > "$OUT/performance.md"
echo "== Done: $OUT/performance.md"
