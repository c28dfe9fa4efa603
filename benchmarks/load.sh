#!/usr/bin/env bash
# Load test through BetterAuthFilter: starts ONE embedded Jetty 12 on 127.0.0.1 (LoadTestServer) and drives each
# case with wrk, then prints requests/s and p50/p99 latency per case.
#
#   benchmarks/load.sh                      # 60 s per path and token, 2 wrk threads, 16 connections (~11 minutes)
#   LOAD_DURATION=6 LOAD_WARMUP=1 benchmarks/load.sh
#
# Cases: /plain (no filter: the container's own cost), /cached (behind BetterAuthFilter with the verified-token cache)
# and /uncached-jdk, /uncached-tink, /uncached-bouncycastle (behind the filter without cache, Ed25519 on the engine
# named), each with an EdDSA and an RS256 token. Every request carries the same Authorization header, so requests are
# the same size on every path.
#
# Every path is compared with /plain in ROUNDS: LOAD_ROUNDS rounds of (plain, cached, uncached-jdk, ...), each path
# DURATION / ROUNDS seconds, back to back, so the paths of a round see the same machine state. On two shared cores,
# throughput drifts by a few per cent over minutes, as much as some differences being measured; a ratio taken from
# runs minutes apart would measure the drift. The report gives each round and the median of the rounds' ratios.
#
# Needs wrk (Debian: apt-get install -y wrk); installs nothing itself. Traffic goes to 127.0.0.1 only. Note that wrk
# and the server share this machine's CPUs: compare the cases with each other, not with other machines.
#
# Environment: LOAD_DURATION (s per case, default 60), LOAD_ROUNDS (default 10), LOAD_WARMUP (s, default 5),
# LOAD_THREADS (default 2), LOAD_CONNECTIONS (default 16), JAVA (default java), LOAD_JAVA_OPTS (default -Xms512m
# -Xmx512m), LOAD_BUILD=0 to use the existing benchmarks/target/benchmarks.jar, LOAD_OUT (default
# benchmarks/target/load).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
DURATION="${LOAD_DURATION:-60}"
ROUNDS="${LOAD_ROUNDS:-10}"
WARMUP="${LOAD_WARMUP:-5}"
THREADS="${LOAD_THREADS:-2}"
CONNECTIONS="${LOAD_CONNECTIONS:-16}"
JAVA="${JAVA:-java}"
# Each filtered path names its Ed25519 engine itself (LoadTestServer); this module has Tink and Bouncy Castle.
JAVA_OPTS="${LOAD_JAVA_OPTS:--Xms512m -Xmx512m}"
OUT="${LOAD_OUT:-$here/target/load}"
JAR="$here/target/benchmarks.jar"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed (Debian/Ubuntu: apt-get install -y wrk)" >&2
  exit 1
fi
if [ "${LOAD_BUILD:-1}" != 0 ]; then
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "No $JAR: build it first" >&2; exit 1; }

mkdir -p "$OUT"
work="$(mktemp -d)"
algs=(EdDSA RS256)
paths=(plain cached uncached-jdk uncached-tink uncached-bouncycastle)
round_seconds=$(( DURATION / ROUNDS ))
[ "$round_seconds" -ge 1 ] || { echo "LOAD_DURATION must be at least LOAD_ROUNDS seconds" >&2; exit 2; }
max_seconds=$(( ${#algs[@]} * (${#paths[@]} * (WARMUP + DURATION + ROUNDS + 5)) + 120 ))

server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -cp "$JAR" dev.betterauth4j.benchmarks.load.LoadTestServer --dir "$work" \
  --max-seconds "$max_seconds" > "$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  [ -f "$work/ready" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "LoadTestServer exited:" >&2; cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -f "$work/ready" ] || { echo "LoadTestServer did not get ready in 60 s" >&2; cat "$OUT/server.log" >&2; exit 1; }
port="$(cat "$work/port")"
cat "$OUT/server.log"

# One wrk run; prints "requests/s p50 p99". Any non-2xx response or socket error fails the script (it runs in a
# subshell, hence the marker file).
measure() { # name path alg seconds
  local name="$1" path="$2" alg="$3" seconds="$4" file="$OUT/wrk-$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency \
    -H "Authorization: Bearer $(cat "$work/token-$alg.txt")" "http://127.0.0.1:$port/$path" > "$file"
  local non2xx errors
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")"
  errors="$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' "$file")"
  if [ -n "$non2xx" ] || [ -n "$errors" ]; then
    touch "$work/failed"
    echo "!! $name: ${non2xx:-0} non-2xx responses ${errors:+, socket errors: $errors}" >&2
  fi
  printf '%s %s %s\n' "$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")" \
    "$(awk '/Latency Distribution/ {d=1} d && $1=="50%" {print $2; exit}' "$file")" \
    "$(awk '/Latency Distribution/ {d=1} d && $1=="99%" {print $2; exit}' "$file")"
}
median() { tr ' ' '\n' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
median_int() { median | awk '{printf "%.0f", $1}'; }

# Warm every path first, so no case pays for the JIT compiling code paths that an earlier case did not use.
for alg in "${algs[@]}"; do
  for path in "${paths[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $(cat "$work/token-$alg.txt")" \
      "http://127.0.0.1:$port/$path" > /dev/null
  done
done

{
  echo "### Load test through BetterAuthFilter (Jetty 12 ee10, wrk)"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) CPUs (nproc), shared by wrk and the server"
  echo "- JVM: $("$JAVA" -version 2>&1 | head -2 | tail -1), options: $JAVA_OPTS"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $THREADS threads, $CONNECTIONS connections; every path warmed ${WARMUP} s first"
  echo "- every path measured in $ROUNDS interleaved rounds of $round_seconds s each (${paths[*]}, then again); load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| token | path | requests/s (median) | per round | p50 | p99 | × plain (median of the rounds' ratios) |"
  echo "|---|---|---:|---|---:|---:|---:|"
} > "$OUT/load-report.md"

for alg in "${algs[@]}"; do
  declare -A rates=() ratios=() latency=()
  for round in $(seq 1 "$ROUNDS"); do
    echo "== $alg round $round/$ROUNDS: ${paths[*]}, $round_seconds s each" >&2
    plain_rate=""
    for path in "${paths[@]}"; do
      read -r r p50 p99 <<< "$(measure "$path-$alg-$round" "$path" "$alg" "$round_seconds")"
      rates[$path]="${rates[$path]:-}${rates[$path]:+ }$r"
      latency[$path]="$p50 $p99"
      [ "$path" = plain ] && plain_rate="$r"
      ratios[$path]="${ratios[$path]:-}${ratios[$path]:+ }$(awk -v r="$r" -v p="$plain_rate" 'BEGIN {printf "%.4f", r / p}')"
    done
  done
  for path in "${paths[@]}"; do
    # Latency columns: the last round's, as one representative run (every round's wrk output is kept).
    # shellcheck disable=SC2086
    printf '| %s | `/%s` | %s | %s | %s | %s | %s |\n' "$alg" "$path" "$(echo "${rates[$path]}" | median_int)" \
      "${rates[$path]}" ${latency[$path]} \
      "$(echo "${ratios[$path]}" | median | awk '{printf "%.3f", $1}')$([ "$path" = plain ] || echo " (rounds: ${ratios[$path]})")" \
      >> "$OUT/load-report.md"
  done
  unset rates ratios latency
done

echo
cat "$OUT/load-report.md"
echo
echo "Raw wrk output: $OUT/wrk-*.txt; report: $OUT/load-report.md"
[ ! -f "$work/failed" ]
