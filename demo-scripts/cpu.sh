#!/usr/bin/env bash
# CPU-bound work: two threads on two cores (speedup near 2), then under an emulated GIL (near 1).
exec "$(dirname "$0")/play.sh" cpu-bound cpu "$@"
