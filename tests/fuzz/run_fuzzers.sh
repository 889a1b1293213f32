#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for longer than CI does, one after another.
#
# usage: tests/fuzz/run_fuzzers.sh BUILD [SECONDS [TARGET...]]
#   BUILD    a build folder configured with MASKLAB_FUZZ=ON (.ci/run-sanitizers makes build-asan)
#   SECONDS  per target, default 600
#   TARGET   e.g. fuzz_safetensors; default all
set -uo pipefail
build="$(cd "$1" && pwd)"; seconds="${2:-600}"; shift 2 2>/dev/null || shift $#
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmake --build "$build" || exit 1
(cd "$build" && ctest -R '^fuzz_seeds$' --output-on-failure) || exit 1
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cd "$build/bin" && ls fuzz_* | sort)
failed=0
for t in "${targets[@]}"; do
  name="${t#fuzz_}"
  source="$(cd "$here" && ls */"fuzz_$name.cpp")"
  bash "$here/run_fuzzer.sh" "$build/bin/$t" "$build/fuzz/seeds/$name" "$build/fuzz/$name" "$seconds" \
       "$here/${source%/*}/$name.dict" || failed=1
done
exit $failed
