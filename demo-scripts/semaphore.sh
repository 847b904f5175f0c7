#!/usr/bin/env bash
# Semaphore: six workers, two permits: never more than two inside, the others WAITING.
exec "$(dirname "$0")/play.sh" semaphore semaphore "$@"
