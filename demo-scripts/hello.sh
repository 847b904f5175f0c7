#!/usr/bin/env bash
# One thread's life: NEW, RUNNABLE, TIMED_WAITING, TERMINATED; then the same in step mode.
exec "$(dirname "$0")/play.sh" hello-thread hello "$@"
