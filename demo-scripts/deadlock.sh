#!/usr/bin/env bash
# Deadlock: two threads take two locks in opposite order; the cycle is found and shown, then a stop frees them.
exec "$(dirname "$0")/play.sh" deadlock deadlock "$@"
