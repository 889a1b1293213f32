#!/usr/bin/env bash
# Runs one fuzz target for a bounded time and fails on any finding (crash, sanitizer report,
# leak, timeout, memory past the limit). What it finds stays in WORK/artifacts; new inputs that
# reach new code are kept in WORK/corpus for the next run.
#
# usage: run_fuzzer.sh TARGET SEEDS WORK SECONDS [DICT]
set -uo pipefail
target="$1" seeds="$2" work="$3" seconds="$4" dict="${5:-}"
mkdir -p "$work/corpus" "$work/artifacts"
[ -d "$seeds" ] && [ -n "$(ls -A "$seeds")" ] || { echo "no seeds in $seeds (run the fuzz_seeds test first)"; exit 1; }
args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 -malloc_limit_mb=2048 -max_len=262144
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" -close_fd_mask=1)
[ -n "$dict" ] && [ -f "$dict" ] && args+=(-dict="$dict")
# LibTorch and the sanitizers: the CUDA libraries need the shadow gap, and the process's own
# allocations at exit are not per-input leaks (libFuzzer checks those itself).
export ASAN_OPTIONS="${ASAN_OPTIONS:-protect_shadow_gap=0:detect_odr_violation=0:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
log="$work/last-run.log"
"$target" "${args[@]}" "$work/corpus" "$seeds" > "$log" 2>&1
status=$?
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "$(basename "$target"): ${executions:-?} executions in ${seconds} s, corpus $(ls "$work/corpus" | wc -l) inputs, exit $status"
if [ $status -ne 0 ]; then
  echo "--- finding (log $log, artifacts in $work/artifacts) ---"
  grep -n -A40 -m1 "ERROR\|FINDING\|runtime error\|==ERROR\|deadly signal\|out-of-memory\|timeout" "$log" | head -80
fi
exit $status
