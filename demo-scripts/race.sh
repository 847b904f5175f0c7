#!/usr/bin/env bash
# Race vs lock: updates lost on an unguarded counter, then none once a lock is switched on.
exec "$(dirname "$0")/play.sh" race-counter race "$@"
