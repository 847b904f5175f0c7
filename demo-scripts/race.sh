#!/usr/bin/env bash
# Race vs lock: updates lost on an unguarded counter, then none once a lock is switched on.
# 200,000 adds a thread instead of a million: both runs end within seconds even on a busy machine.
exec "$(dirname "$0")/play.sh" race-counter race --set increments=200000 "$@"
