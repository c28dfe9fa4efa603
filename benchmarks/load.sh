#!/usr/bin/env bash
# Load test through BetterAuthFilter: starts ONE embedded Jetty 12 on 127.0.0.1 (LoadTestServer) and drives each
# case with wrk, then prints requests/s and p50/p99 latency per case.
#
#   benchmarks/load.sh                      # 30 s per case (+5 s warm-up), 2 wrk threads, 16 connections
#   LOAD_DURATION=3 LOAD_WARMUP=1 benchmarks/load.sh
#
# Cases: /plain (no filter: the container's own cost), /cached and /uncached (behind BetterAuthFilter with and
# without the verified-token cache), each filtered path with an EdDSA and an RS256 token. Every request carries the
# same Authorization header, so requests are the same size on every path.
#
# Needs wrk (Debian: apt-get install -y wrk); installs nothing itself. Traffic goes to 127.0.0.1 only. Note that wrk
# and the server share this machine's CPUs: compare the cases with each other, not with other machines.
#
# Environment: LOAD_DURATION (s, default 30), LOAD_WARMUP (s, default 5), LOAD_THREADS (default 2),
# LOAD_CONNECTIONS (default 16), JAVA (default java), LOAD_JAVA_OPTS (default -Xms512m -Xmx512m),
# LOAD_BUILD=0 to use the existing benchmarks/target/benchmarks.jar, LOAD_OUT (default benchmarks/target/load).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
DURATION="${LOAD_DURATION:-30}"
WARMUP="${LOAD_WARMUP:-5}"
THREADS="${LOAD_THREADS:-2}"
CONNECTIONS="${LOAD_CONNECTIONS:-16}"
JAVA="${JAVA:-java}"
# Ed25519 on the JDK, as in an application that did not add Tink (this module has Tink on its classpath).
JAVA_OPTS="${LOAD_JAVA_OPTS:--Xms512m -Xmx512m -Dbetterauth4j.ed25519=jdk}"
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
# Each token's cases are bracketed by the filterless endpoint sent the same header, so (b) is compared with an (a)
# that carries the same bytes.
cases=("plain-EdDSA /plain EdDSA" "cached-EdDSA /cached EdDSA" "uncached-EdDSA /uncached EdDSA"
       "plain-EdDSA-again /plain EdDSA"
       "plain-RS256 /plain RS256" "cached-RS256 /cached RS256" "uncached-RS256 /uncached RS256"
       "plain-RS256-again /plain RS256")
max_seconds=$(( ${#cases[@]} * (DURATION + 2 * WARMUP + 5) + 120 ))

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

{
  echo "### Load test through BetterAuthFilter (Jetty 12 ee10, wrk)"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) CPUs (nproc), shared by wrk and the server"
  echo "- JVM: $("$JAVA" -version 2>&1 | head -2 | tail -1), options: $JAVA_OPTS"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up then ${DURATION} s per case"
  echo
  echo "| case | path | token | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---:|---:|---:|---:|"
} > "$OUT/load-report.md"

# Warm every path first, so no case pays for the JIT compiling code paths that an earlier case did not use.
for spec in "${cases[@]}"; do
  read -r name path alg <<< "$spec"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $(cat "$work/token-$alg.txt")" \
    "http://127.0.0.1:$port$path" > /dev/null
done

failed=0
for spec in "${cases[@]}"; do
  read -r name path alg <<< "$spec"
  token="$(cat "$work/token-$alg.txt")"
  url="http://127.0.0.1:$port$path"
  echo "== $name: $url ($alg token), warm-up ${WARMUP} s, measure ${DURATION} s" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $token" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "$url" \
    > "$OUT/wrk-$name.txt"
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-$name.txt")"
  p50="$(awk '/Latency Distribution/ {d=1} d && $1=="50%" {print $2; exit}' "$OUT/wrk-$name.txt")"
  p99="$(awk '/Latency Distribution/ {d=1} d && $1=="99%" {print $2; exit}' "$OUT/wrk-$name.txt")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$OUT/wrk-$name.txt")"
  non2xx="${non2xx:-0}"
  errors="$(awk '/Socket errors:/ {sub(/^ *Socket errors: */, ""); print}' "$OUT/wrk-$name.txt")"
  if [ "$non2xx" != 0 ] || [ -n "$errors" ]; then
    failed=1
    echo "!! $name: $non2xx non-2xx responses ${errors:+, socket errors: $errors}" >&2
  fi
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$name" "$path" "$alg" "$(printf '%.0f' "$rps")" \
    "$p50" "$p99" "$non2xx" >> "$OUT/load-report.md"
done

echo
cat "$OUT/load-report.md"
echo
echo "Raw wrk output: $OUT/wrk-*.txt; report: $OUT/load-report.md"
exit "$failed"
