#!/usr/bin/env bash
# NodeAgent footprint (issue 2): start-up time and resident memory of a joined, idle agent.
#
# Builds Release, starts a hub on a free 127.0.0.1 port with a temporary data folder, bootstraps an
# administrator, creates nodes and joins one agent per node, then for each variant:
#   start-up  N launches of `LineaHub.NodeAgent.dll run`, timed from process launch until
#             GET /health/live answers 200 (polled every 10 ms), the process stopped after each run;
#             and N runs of the whole `status` command (identity, real token from the hub, exit).
#   idle      K joined agents running at once (each reports capacity to the hub every interval, its
#             outbox sender polls), VmRSS read from /proc/PID/status every few seconds, in two phases:
#               fresh  only the readiness probe has been served;
#               used   after the local API has been exercised (200 GET /api/v1/status,
#                      20 PUT /api/v1/capacity, 50 GET /health/live per agent), as an office's
#                      systems would do; the JIT compiles the request path, so RSS grows once.
# Prints a Markdown report on stdout (progress on stderr). Everything listens on 127.0.0.1 only,
# every wait is bounded, the whole run is bounded by --max-seconds, and an EXIT trap stops every
# process the script started and deletes its temporary folder. No timing assertion: it only reports.
#
# Usage: tests/Benchmarks/agent-footprint.sh [options]
#   --runs N              start-up runs per variant and command (default 10)
#   --idle-seconds S      length of each idle phase (fresh, used) (default 60)
#   --idle-agents K       agents idling at once, each its own node (default 3)
#   --sample-seconds S    VmRSS sampling period (default 2)
#   --report-interval S   the hub's capacity report interval, which agents follow (default 15, as shipped)
#   --variants "A B"      variants to measure (default "shipped workstation"):
#                           shipped                    as built: Server GC (Sdk.Web default) with DATAS (.NET 10 default)
#                           workstation                DOTNET_gcServer=0 (Workstation GC, concurrent)
#                           workstation-nonconcurrent  DOTNET_gcServer=0 DOTNET_gcConcurrent=0
#                           server-no-datas            DOTNET_GCDynamicAdaptationMode=0 (Server GC as before .NET 9)
#                           tiered-pgo-off             DOTNET_TieredPGO=0
#                           tiering-off                DOTNET_TieredCompilation=0
#                           wx-off                     DOTNET_EnableWriteXorExecute=0 (no W^X double mapping of JIT code)
#   --commit REV          measure a committed state: export REV (git archive) to the temporary folder and
#                         build it there, leaving the working tree and its bin/obj folders alone
#   --no-build            use the existing Release build of the working tree
#   --out FILE            also write the report to FILE
#   --max-seconds S       hard limit on the whole run (default 1800)
#   --keep                keep the temporary folder (logs, samples) instead of deleting it
# Needs: bash 5, dotnet (SDK of global.json), curl, jq, awk, GNU date.
set -euo pipefail

RUNS=10
IDLE_SECONDS=60
IDLE_AGENTS=3
SAMPLE_SECONDS=2
REPORT_INTERVAL=15
VARIANTS="shipped workstation"
BUILD=1
COMMIT=""
OUT=""
MAX_SECONDS=1800
KEEP=0

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --idle-seconds) IDLE_SECONDS="$2"; shift 2 ;;
        --idle-agents) IDLE_AGENTS="$2"; shift 2 ;;
        --sample-seconds) SAMPLE_SECONDS="$2"; shift 2 ;;
        --report-interval) REPORT_INTERVAL="$2"; shift 2 ;;
        --variants) VARIANTS="$2"; shift 2 ;;
        --commit) COMMIT="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --out) OUT="$2"; shift 2 ;;
        --max-seconds) MAX_SECONDS="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

for n in "$RUNS" "$IDLE_SECONDS" "$IDLE_AGENTS" "$SAMPLE_SECONDS" "$REPORT_INTERVAL" "$MAX_SECONDS"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "Numeric options must be positive integers (got '$n')." >&2; exit 2; }
done
(( IDLE_AGENTS <= 9 )) || { echo "--idle-agents is at most 9." >&2; exit 2; }
[[ -z "$COMMIT" || "$BUILD" == 1 ]] || { echo "--commit and --no-build exclude each other." >&2; exit 2; }
for tool in dotnet curl jq awk date git tar; do
    command -v "$tool" >/dev/null || { echo "Missing tool: $tool" >&2; exit 2; }
done

# The environment assignments of a variant, as separate words.
variant_env() {
    case "$1" in
        shipped) echo "" ;;
        workstation) echo "DOTNET_gcServer=0" ;;
        workstation-nonconcurrent) echo "DOTNET_gcServer=0 DOTNET_gcConcurrent=0" ;;
        server-no-datas) echo "DOTNET_GCDynamicAdaptationMode=0" ;;
        tiered-pgo-off) echo "DOTNET_TieredPGO=0" ;;
        tiering-off) echo "DOTNET_TieredCompilation=0" ;;
        wx-off) echo "DOTNET_EnableWriteXorExecute=0" ;;
        *) return 1 ;;
    esac
}
variant_label() {
    case "$1" in
        shipped) echo "as built (Server GC + DATAS)" ;;
        *) echo "\`$(variant_env "$1")\`" ;;
    esac
}
for v in $VARIANTS; do
    variant_env "$v" >/dev/null || { echo "Unknown variant: $v" >&2; exit 2; }
done

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Runtime knobs the variants set, and host settings, must not leak in from the caller's environment.
CLEAN_ENV=(-u DOTNET_gcServer -u DOTNET_gcConcurrent -u DOTNET_GCDynamicAdaptationMode -u DOTNET_TieredPGO
           -u DOTNET_TieredCompilation -u DOTNET_GCgen0size -u DOTNET_GCHeapHardLimit -u DOTNET_GCConserveMemory
           -u DOTNET_EnableWriteXorExecute -u ASPNETCORE_ENVIRONMENT -u DOTNET_ENVIRONMENT
           -u ASPNETCORE_URLS -u DOTNET_URLS)

DEADLINE=$((SECONDS + MAX_SECONDS))
WORK="$(mktemp -d "${TMPDIR:-/tmp}/agent-footprint.XXXXXX")"
HUB_PID=""
AGENT_PIDS=()

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
check_deadline() { (( SECONDS < DEADLINE )) || die "time limit of ${MAX_SECONDS}s reached (--max-seconds)"; }
remaining() { local r=$((DEADLINE - SECONDS)); (( r > 1 )) && echo "$r" || echo 1; }

# True while PID is a live (not zombie) process.
alive() {
    local state
    [[ -r "/proc/$1/stat" ]] || return 1
    state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}

# Stops a child process: SIGTERM, up to 10 s for a graceful stop, then SIGKILL; reaps it.
stop_pid() {
    local pid="$1" i
    [[ -n "$pid" ]] || return 0
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do alive "$pid" || break; sleep 0.1; done
        if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
}
stop_agents() {
    local pid
    for pid in "${AGENT_PIDS[@]}"; do [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${AGENT_PIDS[@]}"; do stop_pid "$pid"; done
    AGENT_PIDS=()
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_agents
    stop_pid "$HUB_PID"
    if (( KEEP )); then
        log "Temporary folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A loopback port nobody listens on (the server's own bind checks it again).
USED_PORTS=" "
free_port() {
    local p i
    for ((i = 0; i < 200; i++)); do
        p=$((20000 + RANDOM % 40000))
        [[ "$USED_PORTS" == *" $p "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then USED_PORTS+="$p "; FREE_PORT=$p; return 0; fi
    done
    die "no free loopback port found"
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" 2>/dev/null || true; }

# "min median max" of the numbers on stdin, one per line.
stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "? ? ?"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%s %s %s\n", v[1], m, v[NR] }'
}
mib() { awk -v k="$1" 'BEGIN { if (k == "?") print "?"; else printf "%.1f", k / 1024 }'; }
status_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
elapsed_ms() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f\n", (b - a) * 1000 }'; }

# ---------------------------------------------------------------------------------------------------
if [[ -n "$COMMIT" ]]; then
    REVISION="$(git -C "$REPO" rev-parse --verify --short "$COMMIT^{commit}")" || die "unknown commit: $COMMIT"
    SRC="$WORK/src"
    mkdir -p "$SRC"
    log "Exporting commit $REVISION to $SRC…"
    git -C "$REPO" archive "$REVISION" | tar -x -C "$SRC"
    SOURCE_NOTE="commit $REVISION (exported and built apart from the working tree)"
else
    SRC="$REPO"
    REVISION="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
    SOURCE_NOTE="working tree at commit $REVISION"
    git -C "$REPO" diff --quiet HEAD -- Hub NodeAgent Schemas 2>/dev/null || SOURCE_NOTE+=" with local changes to Hub/NodeAgent/Schemas"
fi
HUB_DLL="$SRC/Hub/bin/Release/net10.0/LineaHub.Hub.dll"
AGENT_DLL="$SRC/NodeAgent/bin/Release/net10.0/LineaHub.NodeAgent.dll"
if (( BUILD )); then
    log "Building Hub and NodeAgent (Release)…"
    for project in Hub/Hub.csproj NodeAgent/NodeAgent.csproj; do
        timeout "$(remaining)" dotnet build "$SRC/$project" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
            || { tail -n 30 "$WORK/build.log" >&2; die "build of $project failed"; }
    done
fi
[[ -f "$HUB_DLL" && -f "$AGENT_DLL" ]] || die "Release build missing ($HUB_DLL, $AGENT_DLL); run without --no-build"

# --- hub, nodes, joined agents ----------------------------------------------------------------------
free_port; HUB_URL="http://127.0.0.1:$FREE_PORT"
HUB_ARGS=("--Storage:DataDirectory=$WORK/hub" "--Auth:AllowInsecureHttp=true"
          "--Capacity:ReportIntervalSeconds=$REPORT_INTERVAL")

log "Bootstrapping an administrator…"
env "${CLEAN_ENV[@]}" timeout 60 dotnet "$HUB_DLL" admin bootstrap --name footprint "${HUB_ARGS[@]}" >"$WORK/bootstrap.txt" 2>&1 \
    || { cat "$WORK/bootstrap.txt" >&2; die "admin bootstrap failed"; }
ADMIN_ID="$(awk '/client_id:/ { print $2 }' "$WORK/bootstrap.txt")"
ADMIN_SECRET="$(awk '/client_secret:/ { print $2 }' "$WORK/bootstrap.txt")"
[[ -n "$ADMIN_ID" && -n "$ADMIN_SECRET" ]] || die "no credentials in the bootstrap output"

log "Starting the hub on $HUB_URL…"
env "${CLEAN_ENV[@]}" dotnet "$HUB_DLL" "${HUB_ARGS[@]}" --urls "$HUB_URL" >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
for ((i = 0; i < 300; i++)); do
    check_deadline
    alive "$HUB_PID" || { cat "$WORK/hub.log" >&2; die "the hub exited"; }
    [[ "$(http_code "$HUB_URL/connect/token")" != 000 ]] && break
    sleep 0.1
done
[[ "$(http_code "$HUB_URL/connect/token")" != 000 ]] || die "the hub does not answer on $HUB_URL"

ADMIN_TOKEN="$(curl -sf --max-time 10 -u "$ADMIN_ID:$ADMIN_SECRET" -d grant_type=client_credentials -d scope=hub.admin \
    "$HUB_URL/connect/token" | jq -r .access_token)"
[[ -n "$ADMIN_TOKEN" && "$ADMIN_TOKEN" != null ]] || die "no admin token"

for ((k = 1; k <= IDLE_AGENTS; k++)); do
    if (( k == 1 )); then name="URP Comune di Celano"; code="066032"; else name="URP di prova $k"; code="06690$k"; fi
    node_json="$(curl -sf --max-time 10 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$name\",\"kind\":\"comune\",\"code\":\"$code\",\"regionCode\":\"13\",\"competences\":[\"anagrafe\"],\"languages\":[\"it\"],\"openingHours\":[]}" \
        "$HUB_URL/api/v1/admin/nodes")" || die "creation of node $k failed"
    log "Joining agent $k ($name)…"
    env "${CLEAN_ENV[@]}" timeout 60 dotnet "$AGENT_DLL" join --hub "$HUB_URL" --code "$(jq -r .joinCode.code <<<"$node_json")" \
        --data "$WORK/agent-$k" >"$WORK/join-$k.log" 2>&1 || { cat "$WORK/join-$k.log" >&2; die "join of agent $k failed"; }
done

# --- measurements ---------------------------------------------------------------------------------
# Starts `run` of agent K for a variant in the background; appends its PID to AGENT_PIDS; T0 = launch instant.
launch_agent() {
    local k="$1" port="$2" variant="$3" logfile="$4"
    T0=$EPOCHREALTIME
    # shellcheck disable=SC2046 # the variant's assignments are separate words on purpose
    env "${CLEAN_ENV[@]}" $(variant_env "$variant") \
        dotnet "$AGENT_DLL" run --data "$WORK/agent-$k" --Urls "http://127.0.0.1:$port" >"$logfile" 2>&1 &
    AGENT_PIDS+=("$!")
}

# Polls /health/live of PID every 10 ms until it answers 200 (at most 30 s).
wait_live() {
    local pid="$1" port="$2" logfile="$3" limit=$((SECONDS + 30))
    until [[ "$(http_code "http://127.0.0.1:$port/health/live")" == 200 ]]; do
        alive "$pid" || { cat "$logfile" >&2; die "the agent exited before answering"; }
        (( SECONDS < limit )) || { cat "$logfile" >&2; die "the agent did not answer within 30 s"; }
        check_deadline
        sleep 0.01
    done
}

# Samples VmRSS and its parts of every running agent for S seconds into FILE (phase, agent, t, rss, anon, file, shmem).
sample_phase() {
    local phase="$1" seconds="$2" file="$3" start=$SECONDS k pid
    while (( SECONDS - start < seconds )); do
        check_deadline
        for ((k = 1; k <= ${#AGENT_PIDS[@]}; k++)); do
            pid="${AGENT_PIDS[$((k - 1))]}"
            alive "$pid" || { cat "$WORK/agent-idle-$k.log" >&2; die "idle agent $k exited"; }
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$k" $((SECONDS - start)) "$(status_kb "$pid" VmRSS)" \
                "$(status_kb "$pid" RssAnon)" "$(status_kb "$pid" RssFile)" "$(status_kb "$pid" RssShmem)" >>"$file"
        done
        sleep "$SAMPLE_SECONDS"
    done
}

# Uses the local API of the agent on PORT as an office's systems would.
exercise() {
    local port="$1" i base="http://127.0.0.1:$1"
    for ((i = 0; i < 200; i++)); do
        [[ "$(http_code "$base/api/v1/status")" == 200 ]] || die "GET /api/v1/status failed on port $port"
    done
    for ((i = 0; i < 20; i++)); do
        [[ "$(http_code -X PUT -H 'Content-Type: application/json' \
            -d "{\"operatorsOnline\":2,\"queueLength\":$i,\"averageHandlingSeconds\":240,\"acceptingOverflow\":true,\"officeOpen\":true}" \
            "$base/api/v1/capacity")" == 200 ]] || die "PUT /api/v1/capacity failed on port $port"
    done
    for ((i = 0; i < 50; i++)); do
        [[ "$(http_code "$base/health/live")" == 200 ]] || die "GET /health/live failed on port $port"
    done
}

declare -A START STATUS READY FRESH USED PEAK PARTS THREADS REPORTS TREND

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for variant in $VARIANTS; do
    free_port; port=$FREE_PORT
    : >"$WORK/start-$variant.ms"; : >"$WORK/ready-$variant.kb"; : >"$WORK/status-$variant.ms"

    log "Variant '$variant': $RUNS start-up runs of 'run' (after one unrecorded warm-up)…"
    for ((r = 0; r <= RUNS; r++)); do
        check_deadline
        [[ "$(http_code "http://127.0.0.1:$port/health/live")" == 000 ]] || die "port $port still answers before run $r"
        launch_agent 1 "$port" "$variant" "$WORK/agent-start-$variant-$r.log"
        wait_live "${AGENT_PIDS[0]}" "$port" "$WORK/agent-start-$variant-$r.log"
        ms="$(elapsed_ms "$T0")"
        if (( r > 0 )); then
            echo "$ms" >>"$WORK/start-$variant.ms"
            status_kb "${AGENT_PIDS[0]}" VmRSS >>"$WORK/ready-$variant.kb"
        fi
        stop_agents
    done
    START[$variant]="$(stats <"$WORK/start-$variant.ms")"
    READY[$variant]="$(stats <"$WORK/ready-$variant.kb")"

    log "Variant '$variant': $RUNS runs of 'status'…"
    for ((r = 1; r <= RUNS; r++)); do
        check_deadline
        T0=$EPOCHREALTIME
        # shellcheck disable=SC2046
        env "${CLEAN_ENV[@]}" $(variant_env "$variant") timeout 30 dotnet "$AGENT_DLL" status --data "$WORK/agent-1" \
            >"$WORK/status-$variant-$r.log" 2>&1 || { cat "$WORK/status-$variant-$r.log" >&2; die "status failed"; }
        elapsed_ms "$T0" >>"$WORK/status-$variant.ms"
        grep -q 'Token:' "$WORK/status-$variant-$r.log" || die "status did not obtain a token"
    done
    STATUS[$variant]="$(stats <"$WORK/status-$variant.ms")"

    (( $(remaining) > 2 * IDLE_SECONDS + 60 )) || die "not enough time left for the idle phases (--max-seconds)"
    log "Variant '$variant': $IDLE_AGENTS agents idle, ${IDLE_SECONDS}s fresh then ${IDLE_SECONDS}s after local API use…"
    ports=()
    for ((k = 1; k <= IDLE_AGENTS; k++)); do
        free_port; ports+=("$FREE_PORT")
        launch_agent "$k" "$FREE_PORT" "$variant" "$WORK/agent-idle-$k.log"
    done
    for ((k = 1; k <= IDLE_AGENTS; k++)); do
        wait_live "${AGENT_PIDS[$((k - 1))]}" "${ports[$((k - 1))]}" "$WORK/agent-idle-$k.log"
    done
    samples="$WORK/idle-$variant.tsv"
    : >"$samples"
    sample_phase fresh "$IDLE_SECONDS" "$samples"
    for p in "${ports[@]}"; do exercise "$p"; done
    sample_phase used "$IDLE_SECONDS" "$samples"

    # Steady state: the second half of each phase.
    half=$((IDLE_SECONDS / 2))
    FRESH[$variant]="$(awk -F'\t' -v h="$half" '$1 == "fresh" && $3 >= h { print $4 }' "$samples" | stats)"
    USED[$variant]="$(awk -F'\t' -v h="$half" '$1 == "used" && $3 >= h { print $4 }' "$samples" | stats)"
    # Trend: median VmRSS over all agents in each quarter of each phase, to show whether it has levelled off.
    TREND[$variant]="$(for phase in fresh used; do
        printf '%s' "$phase"
        for q in 1 2 3 4; do
            printf ' %s' "$(mib "$(awk -F'\t' -v p="$phase" -v lo=$(((q - 1) * IDLE_SECONDS / 4)) -v hi=$((q * IDLE_SECONDS / 4)) \
                '$1 == p && $3 >= lo && ($3 < hi || hi == '"$IDLE_SECONDS"') { print $4 }' "$samples" | stats | cut -d' ' -f2)")"
        done
        printf '; '
    done)"
    PARTS[$variant]="$(for col in 5 6 7; do awk -F'\t' -v h="$half" -v c="$col" '$1 == "used" && $3 >= h { print $c }' "$samples" | stats | cut -d' ' -f2; done | tr '\n' ' ')"
    peak=0; threads=""; reports=""
    for ((k = 1; k <= IDLE_AGENTS; k++)); do
        pid="${AGENT_PIDS[$((k - 1))]}"
        hwm="$(status_kb "$pid" VmHWM)"; (( hwm > peak )) && peak=$hwm
        [[ -n "$threads" ]] || threads="$(status_kb "$pid" Threads) ($(cat /proc/"$pid"/task/*/comm 2>/dev/null | grep -c 'Server GC' || true) Server GC)"
        # The report carrying the figures set through the local API may be one interval away (short phases).
        limit=$((SECONDS + REPORT_INTERVAL + 10))
        while :; do
            status_json="$(curl -sf --max-time 5 "http://127.0.0.1:${ports[$((k - 1))]}/api/v1/status")" || die "status API of agent $k did not answer"
            [[ "$(jq -r .lastReport.report.queueLength <<<"$status_json")" == 19 ]] && break
            (( SECONDS < limit )) || break
            check_deadline
            sleep 1
        done
        [[ "$(jq -r .joined <<<"$status_json")" == true ]] || die "idle agent $k is not joined"
        [[ "$(jq -r .lastReport.accepted <<<"$status_json")" == true ]] || die "the last capacity report of agent $k was not accepted"
        [[ "$(jq -r .lastReport.report.queueLength <<<"$status_json")" == 19 ]] || die "agent $k did not report the figures set through the local API"
        age=$(( $(date +%s) - $(date -d "$(jq -r .lastReport.at <<<"$status_json")" +%s) ))
        (( age <= REPORT_INTERVAL + 5 )) || die "idle agent $k stopped reporting (last report ${age}s ago)"
        reports+="${age} s, "
    done
    # VmHWM is updated lazily by the kernel; a sample may be above it.
    max_sample="$(awk -F'\t' '$4 > m { m = $4 } END { print m + 0 }' "$samples")"
    PEAK[$variant]=$(( max_sample > peak ? max_sample : peak ))
    THREADS[$variant]="$threads"
    REPORTS[$variant]="${reports%, }"
    stop_agents
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report ---------------------------------------------------------------------------------------
ms3() { read -r a b c <<<"$1"; printf '%s | %s | %s' "$a" "$b" "$c"; }
mib_mmm() { read -r a b c <<<"$1"; printf '%s (%s–%s)' "$(mib "$b")" "$(mib "$a")" "$(mib "$c")"; }
RUNTIME="$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')"
report() {
    echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); measured: $SOURCE_NOTE."
    echo
    echo "Machine: \`nproc\` = $(nproc); CPU: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo);" \
         "RAM: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo);" \
         ".NET SDK $(dotnet --version), runtime $RUNTIME; $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)." \
         "Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER."
    echo
    echo "Parameters: $RUNS start-up runs per figure (after one unrecorded warm-up launch); $IDLE_AGENTS agents idle at once," \
         "VmRSS sampled every ${SAMPLE_SECONDS} s, steady state = second half of each ${IDLE_SECONDS} s phase;" \
         "capacity report every ${REPORT_INTERVAL} s."
    echo
    echo "Start-up, ms from process launch. \`run\`: until \`GET /health/live\` answers 200 (polled every 10 ms)." \
         "\`status\`: until the command exits, after getting a token from the hub."
    echo
    echo "| Variant | \`run\` min | median | max | \`status\` min | median | max |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for v in $VARIANTS; do
        echo "| $(variant_label "$v") | $(ms3 "${START[$v]}") | $(ms3 "${STATUS[$v]}") |"
    done
    echo
    echo "Resident memory (VmRSS), MiB (1 MiB = 1.048576 MB): median (min–max)."
    echo
    echo "| Variant | at first 200 | idle, fresh | idle, after local API use | peak (VmHWM) | anon / file / shmem, used | threads |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    for v in $VARIANTS; do
        read -r pa pb pc <<<"${PARTS[$v]}"
        echo "| $(variant_label "$v") | $(mib_mmm "${READY[$v]}") | $(mib_mmm "${FRESH[$v]}") | $(mib_mmm "${USED[$v]}") | $(mib "${PEAK[$v]}") | $(mib "$pa") / $(mib "$pb") / $(mib "$pc") | ${THREADS[$v]} |"
    done
    echo
    echo "Trend: median VmRSS (MiB) over each quarter of each ${IDLE_SECONDS} s phase:"
    for v in $VARIANTS; do
        echo "- $(variant_label "$v"): $(sed -e 's/; $//' -e 's/ \([0-9?]\)/ → \1/g' -e 's/^fresh →/fresh/' -e 's/; used →/; used/' <<<"${TREND[$v]}")"
    done
    echo
    echo "Every idle agent was joined and reporting at the end (age of its last accepted capacity report, carrying the figures set through the local API):"
    for v in $VARIANTS; do echo "- $(variant_label "$v"): ${REPORTS[$v]};"; done | sed '$ s/;$/./'
}
if [[ -n "$OUT" ]]; then report | tee "$OUT"; else report; fi
log "Done in ${SECONDS}s."
