#!/usr/bin/env bash
# Times the apology feedback on a ~2,000-word letter: median, p95, p99 and max in ms after warm-up.
# Fails (exit 1) if the median is not under 10 ms. Usage: bench/apology.sh [iterations, default 2000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/bench/ApologyBench" -c Release -v q -clp:ErrorsOnly -nologo >/dev/null
dotnet "$root/bench/ApologyBench/bin/Release/net10.0/ApologyBench.dll" "${1:-2000}"
