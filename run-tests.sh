#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need, then `dotnet test`.
# Ends with a line "N passed, N failed" (summed over all test projects) and the exit code of dotnet test.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# The PostgreSQL tests start a throwaway cluster with Debian's server binaries (tests/Testing/PostgresCluster.cs).
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    echo "Installing PostgreSQL (server binaries for the test clusters)..."
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -q || exit 1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql || exit 1
fi

# The test platform kills a test host 100 ms after its last result unless told otherwise; the host stops its
# PostgreSQL cluster on exit, and that takes a little longer.
export VSTEST_TESTHOST_SHUTDOWN_TIMEOUT="${VSTEST_TESTHOST_SHUTDOWN_TIMEOUT:-10000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test LineaHub.sln --configuration Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints its own summary ("     Passed: N", "     Failed: N"); older or minimal
# loggers print "Failed!  - Failed: N, Passed: N, ...". Sum whichever appears.
summary="$(awk '
    /^[[:space:]]+Passed:[[:space:]]*[0-9]+[[:space:]]*$/ { split($0, f, ":"); passed += f[2]; detailed = 1 }
    /^[[:space:]]+Failed:[[:space:]]*[0-9]+[[:space:]]*$/ { split($0, f, ":"); failed += f[2]; detailed = 1 }
    /^(Passed|Failed)!  - Failed:/ {
        if (match($0, /Failed:[[:space:]]*[0-9]+/)) { s = substr($0, RSTART, RLENGTH); sub(/[^0-9]+/, "", s); brief_failed += s }
        if (match($0, /Passed:[[:space:]]*[0-9]+/)) { s = substr($0, RSTART, RLENGTH); sub(/[^0-9]+/, "", s); brief_passed += s }
    }
    END {
        if (!detailed) { passed = brief_passed; failed = brief_failed }
        printf "%d passed, %d failed\n", passed, failed
    }
' "$log")"

if [ "$status" -ne 0 ] && [ "$summary" = "0 passed, 0 failed" ]; then
    echo "dotnet test exited with $status before any test ran (see the build output above)." >&2
fi

# The names of failed tests, with the first lines of their messages, come again at the very end, so a log cut
# to its tail still says what failed.
failures="$(awk '
    /^[[:space:]]+Failed [^ ]+.* \[[0-9<]/ { print; shown = 0; grabbing = 1; next }
    grabbing && /^[[:space:]]+(Passed|Skipped|Failed) |^[[:space:]]+Stack Trace:/ { grabbing = 0 }
    grabbing && shown < 8 && !/^[[:space:]]+at / && NF > 0 { print "    " $0; shown++ }
' "$log")"
if [ -n "$failures" ]; then
    echo
    echo "Failed tests:"
    echo "$failures"
fi

echo
echo "$summary"
exit "$status"
