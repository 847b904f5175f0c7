#!/usr/bin/env bash
# A pool of 3 squares 1..5, then 30 tasks: the queue fills and drains.
exec "$(dirname "$0")/play.sh" thread-pool pool "$@"
