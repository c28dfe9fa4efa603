#!/usr/bin/env bash
# Fuzz one Jazzer target for a fixed time.
#
#   scripts/fuzz.sh <module> <TestClass#method> [seconds]      e.g.
#   scripts/fuzz.sh auth-core VerifierFuzzTest#verifyArbitraryTokensWithAKeySet 600
#
# Runs Jazzer's libFuzzer-compatible CLI on the @FuzzTest method (Nimbus and our code instrumented), starting from the
# committed seeds, for the given number of seconds (default 600). New corpus entries go to <module>/target/fuzz-corpus,
# findings (crash-*, timeout-*) to <module>/target/fuzz-findings; copy a finding into the target's
# src/test/resources/.../<TestClass>Inputs/<method>/ directory to make it a regression test that ./mvnw verify runs.
# The JUnit way (JAZZER_FUZZ=1 ./mvnw -pl <module> test -Dtest='<TestClass>#<method>') runs for the @FuzzTest's
# maxDuration instead.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module, e.g. auth-core}
target=${2:?TestClass#method}
seconds=${3:-600}
class=${target%%#*}
method=${target##*#}
case "$module" in
  auth-core) package=dev/betterauth4j/core ;;
  auth-servlet) package=dev/betterauth4j/servlet ;;
  *) echo "unknown module $module" >&2; exit 2 ;;
esac

# One reactor build, so a module's sibling dependencies (auth-servlet needs auth-core and the test kit) resolve to their
# freshly compiled classes: nothing has to be installed in ~/.m2 first.
./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/fuzz-classpath.txt
corpus="$module/target/fuzz-corpus/$class/$method"
findings="$module/target/fuzz-findings/$class/$method"
seeds="$module/src/test/resources/$package/${class}Inputs/$method"
mkdir -p "$corpus" "$findings"
cd "$module"
exec java -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
  com.code_intelligence.jazzer.Jazzer \
  --target_class="${package//\//.}.$class" --target_method="$method" \
  --instrumentation_includes='dev.betterauth4j.**:com.nimbusds.jose.**:com.nimbusds.jwt.**' \
  -max_total_time="$seconds" -timeout=5 -print_final_stats=1 \
  -artifact_prefix="${findings#$module/}/" \
  "${corpus#$module/}" "${seeds#$module/}"
