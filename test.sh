#!/usr/bin/env bash
# The project's test command (README, .ci/run): checks prerequisites, builds warning-free, checks formatting,
# runs every test project, and ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "test.sh: $*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK is not on PATH; install .NET 10 (see global.json)"
command -v kubectl >/dev/null || fail "kubectl is not on PATH; the kubectl conformance tests need it (apt-get install kubectl, or any kubectl >= 1.29)"
[ -d ../shared/reference ] || [ -n "${KUBEBIND_SHARED_DIR:-}" ] || fail "the upstream fixtures are expected in ../shared/reference (or set KUBEBIND_SHARED_DIR)"

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "node and npm are not on PATH; the queue tests start Azurite from npm (install Node.js >= 20 with npm, e.g. apt-get install nodejs npm)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> npm ci (Azurite, the Storage emulator the queue tests start)"
npm ci --no-audit --no-fund --loglevel=error \
  || fail "npm ci failed; the tests need node_modules/.bin/azurite-queue (see package.json)"

echo "==> restore and build (warnings are errors)"
dotnet build KubeBind.Functions.sln --nologo -clp:ErrorsOnly

echo "==> formatting"
dotnet format KubeBind.Functions.sln --verify-no-changes --no-restore \
  || fail "formatting differs; run 'dotnet format KubeBind.Functions.sln' and commit the result"

echo "==> tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# A hung test fails the run with a named culprit instead of eating CI's time.
dotnet test KubeBind.Functions.sln --no-build --nologo --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
# Every test project must report; a run cut short otherwise looks like a smaller green one.
projects=$(find tests -name '*.Tests.csproj' | wc -l)
reported=$(grep -Ec '^(Passed|Failed)! ' "$log" || true)
if [ "$reported" -ne "$projects" ]; then
  echo "test.sh: only ${reported} of ${projects} test projects reported results; see the output above" >&2
  exit 1
fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
