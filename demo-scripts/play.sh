#!/usr/bin/env bash
# Plays one demo: play.sh SCENARIO-ID AUTOPILOT-NAME [threadlab options, e.g. --record x.cast --size 100x30]
# Runs from the repository root and builds the jar first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
id=$1 name=$2
shift 2
if [ ! -f target/threadlab.jar ]; then
  echo "building target/threadlab.jar first (mvn -B -q package -DskipTests)" >&2
  mvn -B -q package -DskipTests >&2
fi
exec java -jar target/threadlab.jar run "$id" --autopilot "demo-scripts/$name.autopilot" "$@"
