#!/usr/bin/env bash
# I/O-bound work: clients wait in socket reads (RUNNABLE, blue); four threads finish about four times sooner.
exec "$(dirname "$0")/play.sh" io-bound io "$@"
