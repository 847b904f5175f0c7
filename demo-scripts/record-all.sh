#!/usr/bin/env bash
# Records every demo into OUTDIR/NAME.cast, unattended (no terminal needed), at 100x30.
#   demo-scripts/record-all.sh /tmp/casts < /dev/null      then: asciinema play /tmp/casts/race.cast
set -uo pipefail
out=${1:?usage: demo-scripts/record-all.sh OUTDIR}
size=${SIZE:-100x30}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
failed=0
for demo in "$here"/*.sh; do
  name=$(basename "$demo" .sh)
  case $name in play|record-all) continue ;; esac
  start=$(date +%s)
  if said=$("$demo" --record "$out/$name.cast" --size "$size" < /dev/null 2>&1 >/dev/null); then
    echo "$out/$name.cast  ($(( $(date +%s) - start ))s)"
  else
    echo "FAILED: $name: ${said:-no message} (see ~/.threadlab/threadlab.log)" >&2
    failed=1
  fi
done
echo "casts in $out; play one with: asciinema play $out/race.cast"
exit $failed
