# shellcheck shell=bash
# One component at a time: `stack stop|start|restart <component>`, for tests that take a part of the
# suite away (a gateway replica, the Kafka broker) and bring it back as it was.
# Components: kafka, gateway-N, catalog, key, config, console, simulator.

component_names() {
  local line names="kafka simulator"
  for line in "${SERVICES[@]}"; do names+=" ${line%% *}"; done
  printf '%s gateway-N' "$names"
}

# check_component NAME: fails with the list of known components when NAME is not one.
check_component() {
  case $1 in
    kafka | simulator) return 0 ;;
    gateway-[1-9] | gateway-[1-9][0-9]) return 0 ;;
  esac
  service_line "$1" >/dev/null || die "unknown component '$1' (known: $(component_names))"
}

# stop_one NAME: stops a component the stack started. Kafka gets TERM, then KILL after a grace period.
stop_one() {
  check_component "$1"
  case $1 in
    kafka)
      if ! running_pid kafka "$KAFKA_MARKER" >/dev/null && port_open "$KAFKA_PORT"; then
        die "kafka on $KAFKA_BOOTSTRAP was not started by the stack: not stopping it"
      fi
      stop_kafka ;;
    *) stop_component "$1" "$(marker "$1")" ;;
  esac
  note "$1: stopped"
}

# start_one NAME: starts a component and waits until it is ready. Kafka comes back on its data
# directory (topics, committed offsets), a gateway replica with its instance id and port.
start_one() {
  check_component "$1"
  ensure_run_dirs
  case $1 in
    kafka) ensure_kafka ;;
    simulator) load_secrets; start_simulator ;;
    gateway-*) load_secrets; require_service_jars; launch_gateway "${1#gateway-}"; wait_for_gateway "${1#gateway-}" ;;
    *) load_secrets; start_service "$1" ;;
  esac
}

cmd_stop() {
  (($# == 1)) || die "usage: stack stop <component>   ($(component_names))"
  stop_one "$1"
}

cmd_start() {
  (($# == 1)) || die "usage: stack start <component>   ($(component_names))"
  start_one "$1"
}

cmd_restart() {
  (($# == 1)) || die "usage: stack restart <component>   ($(component_names))"
  stop_one "$1"
  start_one "$1"
}
