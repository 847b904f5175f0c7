#!/usr/bin/env bash
# Producer/consumer: producers wait while the buffer is full, consumers while it is empty; its depth in Pools.
exec "$(dirname "$0")/play.sh" producer-consumer producer-consumer "$@"
