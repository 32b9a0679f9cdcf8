# shellcheck shell=bash
# Shared helpers of the local stack: paths, messages, ports and background processes.
# Sourced by deploy/local/stack; expects REPO_ROOT and STACK_DIR to be set.

RUN_DIR="$STACK_DIR/run"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
STATE_DIR="$RUN_DIR/state"
SECRETS_FILE="$STACK_DIR/.secrets.env"

# Seconds to wait for a component to become ready.
READY_TIMEOUT="${AIGW_STACK_TIMEOUT:-120}"

info() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

ensure_run_dirs() {
  mkdir -p "$PID_DIR" "$LOG_DIR" "$STATE_DIR"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Runs a command as root: directly, or through sudo where available.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root to run: $* (no sudo found)"
  fi
}

apt_install() {
  info "Installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Marks and checks what the stack itself started (PostgreSQL, Redis): only those are stopped by `down`.
mark_started() { ensure_run_dirs; touch "$STATE_DIR/$1.started"; }
was_started()  { [[ -f "$STATE_DIR/$1.started" ]]; }
unmark_started() { rm -f "$STATE_DIR/$1.started"; }

# ---------------------------------------------------------------------------------------------
# Background processes. Every process is started with a marker in its command line
# (-Daigw.stack=<name> for JVMs) so that a stale PID file never makes us signal a stranger.
# ---------------------------------------------------------------------------------------------

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Prints the PID of component NAME when it runs and its command line contains MARKER.
running_pid() {
  local name=$1 marker=$2 file pid
  file=$(pid_file "$name")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  printf '%s' "$pid"
}

# start_background NAME -- COMMAND...: runs COMMAND detached from this shell (own session, no
# terminal, output appended to the component's log) and records its PID.
start_background() {
  local name=$1 log
  shift 2
  ensure_run_dirs
  log=$(log_file "$name")
  printf '\n----- %s: starting %s -----\n' "$(date '+%F %T')" "$name" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$(pid_file "$name")"
}

# True when PID has exited but was not reaped yet (its ports and files are released).
is_zombie() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} == Z ]]
}

# stop_pid NAME PID [GRACE]: TERM, wait up to GRACE seconds (default 30), then KILL.
stop_pid() {
  local name=$1 pid=$2 grace=${3:-30} waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ! is_zombie "$pid" && ((waited < grace * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null && ! is_zombie "$pid"; then
    warn "$name (pid $pid) ignored TERM for $grace s: killing it"
    # A JVM prints its threads to its log on QUIT (the process keeps running): what held it after TERM.
    if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]]; then
      kill -QUIT "$pid" 2>/dev/null && sleep 1
      warn "$name: its threads at the kill are in $(log_file "$name") (\"Full thread dump\")"
    fi
    kill -KILL "$pid" 2>/dev/null || true
    waited=0
    # A loaded machine can take seconds to tear down a large JVM; its ports and files are held until then.
    while kill -0 "$pid" 2>/dev/null && ! is_zombie "$pid" && ((waited < 300)); do
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  note "stopped $name (pid $pid)"
}

# stop_component NAME MARKER [GRACE]: stops the component if it is ours and running; removes its PID file.
stop_component() {
  local name=$1 marker=$2 pid
  if pid=$(running_pid "$name" "$marker"); then
    stop_pid "$name" "$pid" "${3:-30}"
  fi
  rm -f "$(pid_file "$name")"
}

print_log_tail() {
  local log
  log=$(log_file "$1")
  if [[ -s $log ]]; then
    printf -- '----- last 40 lines of %s -----\n' "$log" >&2
    tail -n 40 "$log" >&2
    printf -- '-----\n' >&2
  fi
}

# wait_for_http NAME MARKER URL: waits until URL answers 200 while the process stays alive.
wait_for_http() {
  local name=$1 marker=$2 url=$3 deadline code
  deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! running_pid "$name" "$marker" >/dev/null; then
      print_log_tail "$name"
      die "$name exited before becoming ready (log: $(log_file "$name"))"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ $code == 200 ]] && return 0
    sleep 0.5
  done
  print_log_tail "$name"
  die "$name not ready after ${READY_TIMEOUT}s: $url (log: $(log_file "$name"))"
}

# wait_for_port NAME MARKER PORT: waits until PORT accepts connections while the process stays alive.
wait_for_port() {
  local name=$1 marker=$2 port=$3 deadline
  deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    port_open "$port" && return 0
    if ! running_pid "$name" "$marker" >/dev/null; then
      print_log_tail "$name"
      die "$name exited before opening port $port (log: $(log_file "$name"))"
    fi
    sleep 0.2
  done
  print_log_tail "$name"
  die "$name did not open port $port within ${READY_TIMEOUT}s (log: $(log_file "$name"))"
}
