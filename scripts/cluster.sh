#!/usr/bin/env bash
# A local multi-process Samsa cluster (DESIGN.md §6): one controller and N brokers, each its own
# `node packages/cli/bin/samsa.js` process, with configs, data, logs and pid files under one
# directory, so clusters in different directories (and on different ports) run side by side.
#
#   scripts/cluster.sh start [--brokers N=3] [--base-port P=9090] [--dir D=.samsa-cluster]
#                            [--set key=value]...
#       controller on gRPC 127.0.0.1:P; broker i (ids 1..N) on gRPC 127.0.0.1:P+i and HTTP
#       127.0.0.1:P+100+i. Every --set reaches every server's config. Returns once every server
#       is ready (controller port accepting, every broker's /readyz answering 200) and prints
#       `bootstrap=127.0.0.1:P+1,...`. Builds the project first (scripts/setup.sh) if needed.
#   scripts/cluster.sh stop    [--dir D]   graceful (SIGTERM; SIGKILL after a bound)
#   scripts/cluster.sh status  [--dir D]   id, pid, alive/paused/dead, ports
#   scripts/cluster.sh kill    ID [--dir D]   SIGKILL
#   scripts/cluster.sh pause   ID [--dir D]   SIGSTOP
#   scripts/cluster.sh resume  ID [--dir D]   SIGCONT
#   scripts/cluster.sh restart ID [--dir D]   start that server again and wait until ready
# ID is a broker id or `controller`.
#
# Environment: SAMSA_CLUSTER_READY_TIMEOUT (seconds to wait for readiness, default 60),
# SAMSA_CLUSTER_STOP_TIMEOUT (seconds before SIGKILL on stop/restart, default 30).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMSA_JS="$ROOT/packages/cli/bin/samsa.js"
READY_TIMEOUT_S="${SAMSA_CLUSTER_READY_TIMEOUT:-60}"
STOP_TIMEOUT_S="${SAMSA_CLUSTER_STOP_TIMEOUT:-30}"
HOST=127.0.0.1

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

# ---------------------------------------------------------------------------------------------
# Arguments

verb="${1:-}"
[[ -n "$verb" ]] || {
  usage >&2
  exit 2
}
shift

brokers=3
base_port=9090
dir=.samsa-cluster
target=""
set_keys=()
declare -A set_values=()

need_value() {
  [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value"
}

add_set() {
  local pair=$1 key value
  [[ "$pair" == *=* ]] || die "--set expects key=value, got '$pair'"
  key=${pair%%=*}
  value=${pair#*=}
  [[ "$key" =~ ^[A-Za-z0-9._-]+$ ]] || die "--set: '$key' is not a config key"
  [[ -v "set_values[$key]" ]] || set_keys+=("$key")
  set_values[$key]=$value
}

while (($#)); do
  case "$1" in
  --brokers | --base-port | --dir | --set)
    need_value "$@"
    case "$1" in
    --brokers) brokers=$2 ;;
    --base-port) base_port=$2 ;;
    --dir) dir=$2 ;;
    --set) add_set "$2" ;;
    esac
    shift 2
    ;;
  --brokers=*) brokers=${1#*=} && shift ;;
  --base-port=*) base_port=${1#*=} && shift ;;
  --dir=*) dir=${1#*=} && shift ;;
  --set=*) add_set "${1#*=}" && shift ;;
  -h | --help)
    usage
    exit 0
    ;;
  -*) die "unknown option $1" ;;
  *)
    [[ -z "$target" ]] || die "unexpected argument $1"
    target=$1
    shift
    ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# The cluster kept in a directory

# Reads brokers and base_port recorded by `start`.
load_cluster() {
  [[ -f "$dir/cluster.env" ]] || die "no cluster in $dir (run: scripts/cluster.sh start --dir $dir)"
  dir="$(cd "$dir" && pwd)"
  local key value
  while IFS='=' read -r key value; do
    case "$key" in
    brokers) brokers=$value ;;
    base_port) base_port=$value ;;
    esac
  done <"$dir/cluster.env"
}

# All servers, controller first: controller broker-1 ... broker-N.
server_names() {
  local i
  echo controller
  for ((i = 1; i <= brokers; i++)); do echo "broker-$i"; done
}

# ID (a broker id or `controller`) -> server name.
name_of() {
  local id=$1
  if [[ "$id" == controller ]]; then
    echo controller
  elif [[ "$id" =~ ^[0-9]+$ ]] && ((id >= 1 && id <= brokers)); then
    echo "broker-$id"
  else
    die "unknown server '$id': expected controller or a broker id in 1..$brokers"
  fi
}

id_of() { [[ "$1" == controller ]] && echo controller || echo "${1#broker-}"; }
config_file() { echo "$dir/config/$1.yaml"; }
log_file() { echo "$dir/logs/$1.log"; }
pid_file() { echo "$dir/pids/$1.pid"; }

grpc_port() {
  if [[ "$1" == controller ]]; then echo "$base_port"; else echo $((base_port + ${1#broker-})); fi
}

http_port() {
  if [[ "$1" == controller ]]; then echo ""; else echo $((base_port + 100 + ${1#broker-})); fi
}

# The pid recorded for a server, if any.
read_pid() {
  local file
  file=$(pid_file "$1")
  [[ -f "$file" ]] && cat "$file"
  return 0
}

# alive | paused | dead for a server. A pid counts only while it runs this cluster's server
# (its command line names this directory's config file), so a recycled pid, or another
# directory's cluster, is never touched.
server_state() {
  local name=$1 pid state cmdline
  pid=$(read_pid "$name")
  [[ -n "$pid" ]] || {
    echo dead
    return
  }
  if [[ -r "/proc/$pid/stat" ]]; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || cmdline=""
    state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || state=""
  else
    cmdline=$(ps -o args= -p "$pid" 2>/dev/null) || cmdline=""
    state=$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1) || state=""
  fi
  if [[ -z "$state" || "$state" == Z || "$state" == X || "$cmdline" != *"$(config_file "$name")"* ]]; then
    echo dead
  elif [[ "$state" == T || "$state" == t ]]; then
    echo paused
  else
    echo alive
  fi
}

# Whether something accepts TCP connections on 127.0.0.1:port.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# The HTTP status of GET path on 127.0.0.1:port (empty when there is no answer within 2 s).
http_status() {
  local line
  line=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/$HOST/$1" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$2" "$HOST" >&3
    IFS= read -r -t 2 line <&3 && echo "$line"
  ) || true
  line=${line%$'\r'}
  [[ "$line" =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]] && echo "${BASH_REMATCH[1]}"
  return 0
}

# Ready: the controller accepts connections; a broker's /readyz (registered, metadata caught
# up) answers 200.
is_ready() {
  if [[ "$1" == controller ]]; then
    port_open "$(grpc_port "$1")"
  else
    [[ "$(http_status "$(http_port "$1")" /readyz)" == 200 ]]
  fi
}

# Polls until every named server is ready. Fails early, with its last log lines, when a server
# exits, and with the list of laggards at the deadline.
wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT_S)) name pending=("$@") still
  while ((${#pending[@]} > 0)); do
    still=()
    for name in "${pending[@]}"; do
      if [[ "$(server_state "$name")" == dead ]]; then
        echo "cluster.sh: $name exited during start-up; the end of $(log_file "$name"):" >&2
        tail -n 20 "$(log_file "$name")" >&2 || true
        return 1
      fi
      is_ready "$name" || still+=("$name")
    done
    pending=(${still[@]+"${still[@]}"})
    ((${#pending[@]} > 0)) || break
    if ((SECONDS >= deadline)); then
      echo "cluster.sh: not ready within ${READY_TIMEOUT_S}s: ${pending[*]} (logs in $dir/logs)" >&2
      return 1
    fi
    sleep 0.1
  done
}

# Polls until every named server's state is one of `wanted` (e.g. "dead"), for up to
# `seconds`; returns non-zero at the deadline.
wait_state() {
  local wanted=$1 seconds=$2 deadline name pending
  shift 2
  deadline=$((SECONDS + seconds))
  while :; do
    pending=()
    for name in "$@"; do
      [[ " $wanted " == *" $(server_state "$name") "* ]] || pending+=("$name")
    done
    ((${#pending[@]} > 0)) || return 0
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

# SIGTERM (and SIGCONT, so a paused server can act on it), wait, then SIGKILL stragglers.
stop_servers() {
  local name pid running=()
  for name in "$@"; do
    [[ "$(server_state "$name")" == dead ]] && continue
    pid=$(read_pid "$name")
    kill -TERM "$pid" 2>/dev/null || true
    kill -CONT "$pid" 2>/dev/null || true
    running+=("$name")
  done
  ((${#running[@]} > 0)) || return 0
  if ! wait_state dead "$STOP_TIMEOUT_S" "${running[@]}"; then
    for name in "${running[@]}"; do
      [[ "$(server_state "$name")" == dead ]] && continue
      echo "cluster.sh: $name did not stop within ${STOP_TIMEOUT_S}s; sending SIGKILL" >&2
      kill -KILL "$(read_pid "$name")" 2>/dev/null || true
    done
    wait_state dead 10 "${running[@]}" || die "could not stop: ${running[*]}"
  fi
}

# Fails unless every port the named servers need is free (checked before starting any).
check_ports() {
  local name port
  for name in "$@"; do
    for port in $(grpc_port "$name") $(http_port "$name"); do
      if port_open "$port"; then
        die "port $port (for $name) is already in use"
      fi
    done
  done
}

# Starts one server in the background, detached from this script (nohup, stdin closed), its
# output appended to its log.
launch() {
  local name=$1 role=broker
  [[ "$name" == controller ]] && role=controller
  echo "--- $(date -u +%Y-%m-%dT%H:%M:%SZ) cluster.sh starting $name" >>"$(log_file "$name")"
  nohup node "$SAMSA_JS" "$role" --config "$(config_file "$name")" \
    </dev/null >>"$(log_file "$name")" 2>&1 &
  local pid=$!
  echo "$pid" >"$(pid_file "$name")"
  # Until the forked shell has exec'd node, its command line is this script's, and
  # server_state would call the server dead: wait (bounded) for the exec.
  local i
  for ((i = 0; i < 200; i++)); do
    [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$(config_file "$name")"* ]] && return
    kill -0 "$pid" 2>/dev/null || return
    sleep 0.01
  done
}

# YAML scalar: numbers and booleans bare, everything else double-quoted.
yaml_value() {
  local v=$1
  if [[ "$v" =~ ^-?[0-9]+$ || "$v" == true || "$v" == false ]]; then
    printf '%s' "$v"
  else
    v=${v//\\/\\\\}
    v=${v//\"/\\\"}
    printf '"%s"' "$v"
  fi
}

# Writes a server's config: its own `key=value` pairs, then every --set (a --set of a key
# the server sets itself replaces it: YAML keys must be unique).
write_config() {
  local file=$1 pair key
  shift
  {
    echo "# Written by scripts/cluster.sh start; --set values come last."
    for pair in "$@"; do
      key=${pair%%=*}
      [[ -v "set_values[$key]" ]] && continue
      echo "$key: $(yaml_value "${pair#*=}")"
    done
    for key in ${set_keys[@]+"${set_keys[@]}"}; do
      echo "$key: $(yaml_value "${set_values[$key]}")"
    done
  } >"$file"
}

# Builds the project unless its output is there: a fresh clone (only Node and npm) gets
# scripts/setup.sh (install + build); a tree whose CLI or servers are not built yet gets the
# CLI built with its references.
ensure_built() {
  command -v node >/dev/null 2>&1 || die "node is not installed (Node 20+ is needed)"
  if [[ ! -d "$ROOT/node_modules" || ! -f "$ROOT/node_modules/typescript/bin/tsc" ]]; then
    echo "cluster.sh: installing and building the project first (scripts/setup.sh)" >&2
    bash "$ROOT/scripts/setup.sh"
  fi
  local pkg
  for pkg in protocol storage controller broker client cli; do
    if [[ ! -f "$ROOT/packages/$pkg/dist/index.js" ]]; then
      echo "cluster.sh: building packages/cli and what it uses" >&2
      node "$ROOT/node_modules/typescript/bin/tsc" -b "$ROOT/packages/cli" >&2
      return
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# Verbs

cmd_start() {
  [[ -z "$target" ]] || die "start takes no server id"
  if ! [[ "$brokers" =~ ^[0-9]+$ ]] || ((brokers < 1 || brokers > 99)); then
    die "--brokers must be 1..99, got '$brokers'"
  fi
  if ! [[ "$base_port" =~ ^[0-9]+$ ]] || ((base_port < 1 || base_port + 100 + brokers > 65535)); then
    die "--base-port must leave room for ports up to P+100+N <= 65535, got '$base_port'"
  fi
  ensure_built
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [[ -f "$dir/cluster.env" ]]; then
    local old_brokers=$brokers old_base=$base_port name
    load_cluster
    for name in $(server_names); do
      [[ "$(server_state "$name")" == dead ]] || die "a cluster is already running in $dir (stop it first)"
    done
    brokers=$old_brokers
    base_port=$old_base
  fi
  mkdir -p "$dir/config" "$dir/logs" "$dir/pids" "$dir/data"
  printf 'brokers=%s\nbase_port=%s\n' "$brokers" "$base_port" >"$dir/cluster.env"

  local i name bootstrap=() names=(controller)
  write_config "$(config_file controller)" \
    "controller.listener=$HOST:$base_port" \
    "metadata.log.dir=$dir/data/controller"
  for ((i = 1; i <= brokers; i++)); do
    write_config "$(config_file "broker-$i")" \
      "broker.id=$i" \
      "listeners=$HOST:$((base_port + i))" \
      "http.listener=$HOST:$((base_port + 100 + i))" \
      "controller.quorum.bootstrap.servers=$HOST:$base_port" \
      "log.dirs=$dir/data/broker-$i"
    names+=("broker-$i")
    bootstrap+=("$HOST:$((base_port + i))")
  done

  check_ports "${names[@]}"
  for name in "${names[@]}"; do launch "$name"; done
  if ! wait_ready "${names[@]}"; then
    echo "cluster.sh: start failed; stopping what was started" >&2
    STOP_TIMEOUT_S=5 stop_servers "${names[@]}"
    exit 1
  fi
  local IFS=,
  echo "bootstrap=${bootstrap[*]}"
}

cmd_stop() {
  load_cluster
  local name brokers_list=()
  # Resume paused servers first: a broker's graceful stop needs the controller.
  for name in $(server_names); do
    [[ "$(server_state "$name")" == paused ]] && kill -CONT "$(read_pid "$name")" 2>/dev/null
  done
  for name in $(server_names); do [[ "$name" == controller ]] || brokers_list+=("$name"); done
  # Brokers first, so they can hand their leaderships away through the controller.
  stop_servers "${brokers_list[@]}"
  stop_servers controller
}

cmd_status() {
  load_cluster
  local name pid http
  printf '%-11s %-8s %-7s %-16s %s\n' ID PID STATE GRPC HTTP
  for name in $(server_names); do
    pid=$(read_pid "$name")
    http=$(http_port "$name")
    printf '%-11s %-8s %-7s %-16s %s\n' "$(id_of "$name")" "${pid:--}" "$(server_state "$name")" \
      "$HOST:$(grpc_port "$name")" "${http:+$HOST:$http}"
  done
}

# Sends `signal` to one running server and waits until it reaches `wanted`.
signal_server() {
  local signal=$1 wanted=$2 name state
  [[ -n "$target" ]] || die "$verb needs a server id (a broker id or controller)"
  load_cluster
  name=$(name_of "$target")
  state=$(server_state "$name")
  [[ "$state" != dead ]] || die "$name is not running"
  kill "-$signal" "$(read_pid "$name")"
  wait_state "$wanted" 10 "$name" || die "$name did not become $wanted after SIG$signal"
}

cmd_restart() {
  [[ -n "$target" ]] || die "restart needs a server id (a broker id or controller)"
  load_cluster
  local name
  name=$(name_of "$target")
  [[ -f "$(config_file "$name")" ]] || die "no config for $name in $dir"
  ensure_built
  stop_servers "$name"
  check_ports "$name"
  launch "$name"
  wait_ready "$name" || exit 1
}

case "$verb" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
kill) signal_server KILL dead ;;
pause) signal_server STOP paused ;;
resume) signal_server CONT alive ;;
restart) cmd_restart ;;
-h | --help | help) usage ;;
*)
  usage >&2
  die "unknown command '$verb'"
  ;;
esac
