#!/usr/bin/env bash
# Two threads print at once; run twice, the mix differs.
exec "$(dirname "$0")/play.sh" interleaving interleaving "$@"
