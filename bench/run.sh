#!/usr/bin/env bash
# Measures the budgets of DESIGN.md and issue 10 on this machine and prints the figures:
#   - `setup-wizard --version` side by side with a hello-world Go binary: goal ≤ 2× (budget 10 ms)
#   - full LINE verify: wall time ÷ (longest dependency chain × L), budget ≤ 1.2
#   - batch verify: 500 configs, every call delayed 100 ms: configs/s ÷ bound, goal ≥ 0.8;
#     peak memory of the process, goal < 150 MB
#   - interactive session under a pseudo-terminal (no tmux, no shell between): time to the
#     first frame (budget 50 ms) and the wizard process's own peak memory (VmHWM, budget 40 MB)
# Every figure is the process itself: the benchmarks exec the real binary and read its
# rusage. Usage: bench/run.sh   (hyperfine, from Debian, adds a second start-up figure)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing hyperfine (Debian) for the start-up comparison"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine) >/dev/null 2>&1 || true
fi

go test -run '^$' -bench 'Version|LINEVerify|Interactive' -benchtime 20x -timeout 10m ./bench/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)' || true
go test -run '^$' -bench 'BatchVerify' -benchtime 1x -timeout 10m ./bench/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)' || true

if command -v hyperfine >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  go build -o "$tmp/setup-wizard" ./cmd/setup-wizard
  mkdir -p "$tmp/hello"
  printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString("hello\\n") }\n' >"$tmp/hello/main.go"
  printf 'module hello\n\ngo 1.26\n' >"$tmp/hello/go.mod"
  (cd "$tmp/hello" && go build -o "$tmp/hello-world" .)
  echo "start-up, hyperfine without a shell (-N), 500 runs each:"
  hyperfine -N -w 30 -r 500 "$tmp/hello-world" "$tmp/setup-wizard --version" 2>/dev/null |
    grep -E 'Benchmark|Time|±|faster' || true
fi
