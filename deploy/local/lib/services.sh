# shellcheck shell=bash
# The suite on one machine: secrets, build, the provider simulator and the four services.

SIMULATOR_PORT=9100
SIMULATOR_JAR="$REPO_ROOT/e2e/target/e2e-0.1.0-SNAPSHOT.jar"
SIMULATOR_KEYS="${AIGW_SIMULATOR_KEYS:-sim-key-1,sim-key-2}"

# Owning services: name, module, port. Started before the gateways, which load their snapshot from them.
# The admin console (one admin base URL, and the web console) owns nothing; it relays /admin/v1/* to the others.
SERVICES=(
  "catalog model-catalog-service 8083"
  "key key-service 8081"
  "config config-service 8082"
  "console admin-console 8084"
)
CONSOLE_PORT=8084
GATEWAY_MODULE=gateway-service
SECRET_NAMES=(AIGW_ADMIN_TOKEN AIGW_MASTER_KEY AIGW_MASTER_KEY_ID AIGW_KEY_PEPPER AIGW_SERVICE_TOKEN AIGW_GATEWAY_TOKEN)

# Least privilege (issue 14): the secrets each process is given; every other one is removed from its environment.
# The gateway gets no admin token; only it and key-service know the gateway token that reads provider keys.
process_secrets() {
  case $1 in
    gateway-*) echo AIGW_SERVICE_TOKEN AIGW_GATEWAY_TOKEN AIGW_KEY_PEPPER ;;
    key) echo AIGW_ADMIN_TOKEN AIGW_SERVICE_TOKEN AIGW_GATEWAY_TOKEN AIGW_KEY_PEPPER AIGW_MASTER_KEY AIGW_MASTER_KEY_ID \
      AIGW_PREVIOUS_MASTER_KEYS ;;
    catalog | config) echo AIGW_ADMIN_TOKEN AIGW_SERVICE_TOKEN ;;
    *) ;;
  esac
}

# withheld_secrets NAME: `-u VAR` options for env(1), one per secret the process must not see.
withheld_secrets() {
  local given name
  given=" $(process_secrets "$1") "
  for name in "${SECRET_NAMES[@]}" AIGW_PREVIOUS_MASTER_KEYS; do
    [[ $given == *" $name "* ]] || printf -- '-u %s ' "$name"
  done
}

marker() { printf -- '-Daigw.stack=%s' "$1"; }
service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_ROOT" "$1"; }

# Gateway replica N listens on 8080 for N=1, then 8090, 8091, ...
gateway_port() { if (($1 == 1)); then echo 8080; else echo $((8088 + $1)); fi; }

# Health, metrics and OpenAPI are on each process's management port: its public port + 1000 (SPEC §4), so
# 9080-9083 for the services and 9080, 9090, 9091, ... for the gateway replicas. The two replicas whose + 1000 would
# land on Kafka (9092) or the simulator (9100) take + 2000 instead.
management_port() {
  local port=$(($1 + 1000))
  if ((port == KAFKA_PORT || port == SIMULATOR_PORT)); then port=$(($1 + 2000)); fi
  echo "$port"
}

# ---------------------------------------------------------------------------------------------
# Secrets: from the environment when set, else generated once into deploy/local/.secrets.env.
# ---------------------------------------------------------------------------------------------

random_base64() { head -c "$1" /dev/urandom | base64 -w0; }
random_token() { head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }

generate_secret() {
  case $1 in
    AIGW_ADMIN_TOKEN) printf 'aigw-admin-%s' "$(random_token)" ;;
    AIGW_SERVICE_TOKEN) printf 'aigw-svc-%s' "$(random_token)" ;;
    AIGW_GATEWAY_TOKEN) printf 'aigw-gw-%s' "$(random_token)" ;;
    AIGW_MASTER_KEY | AIGW_KEY_PEPPER) random_base64 32 ;;
    AIGW_MASTER_KEY_ID) printf 'local-1' ;;
  esac
}

# Exports every secret: the environment wins, then the secrets file; missing ones are generated
# into the file (chmod 600) so that every later `up` reuses them.
load_secrets() {
  local name value
  (umask 077 && touch "$SECRETS_FILE")
  chmod 600 "$SECRETS_FILE"
  for name in "${SECRET_NAMES[@]}"; do
    grep -q "^$name=" "$SECRETS_FILE" || printf '%s=%s\n' "$name" "$(generate_secret "$name")" >>"$SECRETS_FILE"
    if [[ -z ${!name:-} ]]; then
      value=$(grep -m1 "^$name=" "$SECRETS_FILE" | cut -d= -f2-)
      export "$name=$value"
    else
      export "${name?}"
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# Build: only when a runnable jar is missing or older than its module's sources.
# ---------------------------------------------------------------------------------------------

# Prints why a build is needed, or nothing.
stale_artifact() {
  local module jar newer
  for module in model-catalog-service key-service config-service gateway-service admin-console e2e; do
    if [[ $module == e2e ]]; then jar=$SIMULATOR_JAR; else jar=$(service_jar "$module"); fi
    if [[ ! -f $jar ]]; then
      printf '%s is missing' "${jar#"$REPO_ROOT"/}"
      return 0
    fi
    newer=$(find "$REPO_ROOT/$module/src" "$REPO_ROOT/$module/pom.xml" "$REPO_ROOT/pom.xml" \
      -path '*/node_modules' -prune -o -type f -newer "$jar" -print -quit 2>/dev/null || true)
    if [[ -n $newer ]]; then
      printf '%s is newer than %s' "${newer#"$REPO_ROOT"/}" "${jar#"$REPO_ROOT"/}"
      return 0
    fi
  done
}

any_service_running() {
  local f
  for f in "$PID_DIR"/*.pid; do
    [[ -e $f ]] || continue
    local name
    name=$(basename "$f" .pid)
    [[ $name == kafka ]] && continue   # infrastructure, not built by this project
    running_pid "$name" "$(marker "$name")" >/dev/null && return 0
  done
  return 1
}

build_if_needed() {
  local reason
  reason=$(stale_artifact)
  [[ -n $reason ]] || { note "build: jars are up to date"; return 0; }
  if any_service_running; then
    warn "build needed ($reason) but services are running: not rebuilding under them." \
      "Run 'deploy/local/stack down && deploy/local/stack up' to pick up the change."
    return 0
  fi
  info "Building the services ($reason)"
  (cd "$REPO_ROOT" && ./mvnw -B -ntp -q -DskipTests package) || die "build failed"
}

# Fails before anything starts when a service jar is missing (the simulator jar is optional).
require_service_jars() {
  local module missing=()
  for module in model-catalog-service key-service config-service admin-console "$GATEWAY_MODULE"; do
    [[ -f $(service_jar "$module") ]] || missing+=("$module/target/quarkus-app/quarkus-run.jar")
  done
  ((${#missing[@]} == 0)) || die "missing ${missing[*]}: build first (run 'up' without --no-build)"
}

# ---------------------------------------------------------------------------------------------
# Starting and stopping the suite
# ---------------------------------------------------------------------------------------------

# JVM options per component. The gateway holds ~50 MB live (snapshot, caches, Kafka batches): with a
# 256 MB ceiling ParallelGC grew the old generation to ~175 MB and the process to ~350 MB RSS (issue 9).
# Its RSS under load (issue 19, gateway-service README "Memory"): a 96 MB heap, SerialGC (no parallel collector's
# marking structures), glibc's freed memory returned every 5 s and two malloc arenas instead of 16; the chart and the
# image start it the same way. AIGW_GATEWAY_JAVA_OPTS replaces the gateway's options (e.g. to try a flag, or to add
# -XX:NativeMemoryTracking=summary for `jcmd PID VM.native_memory`), AIGW_GATEWAY_ENV its extra environment
# (VAR=VALUE words; empty for none).
# -XX:SurvivorRatio=4 (each survivor space a sixth of the young generation instead of a tenth): at c=32 what outlives
# a few young collections (usage events waiting out the producer's 100 ms linger; then also their spool-form copies,
# no longer built) overflowed the default survivors into the old generation, which a full collection of 110-145 ms
# (every event loop stopped) emptied every 5-15 s under load; with it none ran under load (gateway-service README "Memory", issue 19).
GATEWAY_JAVA_OPTS='-XX:+UseSerialGC -Xmx96m -XX:SurvivorRatio=4 -XX:TrimNativeHeapInterval=5000'
GATEWAY_ENV='MALLOC_ARENA_MAX=2'
# The admin services' options; AIGW_SERVICE_JAVA_OPTS replaces them (e.g. to add -Xlog:gc).
SERVICE_JAVA_OPTS='-XX:+UseParallelGC -Xmx256m'
java_opts() {
  case $1 in
    gateway-*) printf -- '%s' "${AIGW_GATEWAY_JAVA_OPTS:-$GATEWAY_JAVA_OPTS}" ;;
    *) printf -- '%s' "${AIGW_SERVICE_JAVA_OPTS:-$SERVICE_JAVA_OPTS}" ;;
  esac
}

# tracing_env NAME: opt-in tracing. With AIGW_OTLP_ENDPOINT set (an OTLP/HTTP collector's base URL, e.g.
# http://127.0.0.1:4318), every service started now exports its spans there, each one sampled (the chart's
# tracing.* values do the same in a cluster); gateways also trace their change consumer. Unset: tracing stays off.
# AIGW_TRACE_CONTENT=true also records prompt and completion text on the gateway's spans (off by default).
tracing_env() {
  [[ -n ${AIGW_OTLP_ENDPOINT:-} && $1 != simulator ]] || return 0
  printf 'OTEL_SDK_DISABLED=false OTEL_EXPORTER_OTLP_ENDPOINT=%s OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf ' \
    "$AIGW_OTLP_ENDPOINT"
  printf 'OTEL_TRACES_SAMPLER_ARG=%s QUARKUS_OTEL_BSP_SCHEDULE_DELAY=1s ' "${OTEL_TRACES_SAMPLER_ARG:-1.0}"
  if [[ $1 == gateway-* ]]; then
    printf 'MP_MESSAGING_INCOMING_CHANGES_TRACING_ENABLED=true AIGW_TRACE_CONTENT=%s ' "${AIGW_TRACE_CONTENT:-false}"
  fi
}

# start_java NAME JAR [ENV=VALUE...]: starts a runnable jar in the background unless it runs already.
# Everything listens on loopback only: the admin APIs of a local stack are not for the network.
start_java() {
  local name=$1 jar=$2
  shift 2
  if running_pid "$name" "$(marker "$name")" >/dev/null; then
    note "$name: already running"
    return 0
  fi
  [[ -f $jar ]] || die "$name: ${jar#"$REPO_ROOT"/} is missing (run without --no-build)"
  # shellcheck disable=SC2046 # one word per option
  start_background "$name" -- env $(withheld_secrets "$name") QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    AIGW_ALLOW_LOOPBACK_UPSTREAMS=true $(tracing_env "$name") "$@" \
    java "$(marker "$name")" $(java_opts "$name") -jar "$jar"
}

ensure_port_free_or_ours() {
  local name=$1 port=$2
  if port_open "$port" && ! running_pid "$name" "$(marker "$name")" >/dev/null; then
    die "$name: port $port is already used by a process the stack did not start"
  fi
}

start_simulator() {
  SIMULATOR_STARTED=false
  if [[ ! -f $SIMULATOR_JAR ]]; then
    warn "provider simulator not started: ${SIMULATOR_JAR#"$REPO_ROOT"/} does not exist yet" \
      "(build the e2e module to get it). Continuing without it."
    return 0
  fi
  ensure_port_free_or_ours simulator "$SIMULATOR_PORT"
  start_java simulator "$SIMULATOR_JAR" AIGW_SIMULATOR_PORT="$SIMULATOR_PORT" AIGW_SIMULATOR_KEYS="$SIMULATOR_KEYS"
  wait_for_http simulator "$(marker simulator)" "http://127.0.0.1:$SIMULATOR_PORT/_sim/health"
  note "simulator: ready on http://127.0.0.1:$SIMULATOR_PORT"
  SIMULATOR_STARTED=true
}

start_services() {
  local line name module port
  for line in "${SERVICES[@]}"; do
    read -r name module port <<<"$line"
    ensure_port_free_or_ours "$name" "$port"
    ensure_port_free_or_ours "$name" "$(management_port "$port")"
    # shellcheck disable=SC2046 # one word per variable
    start_java "$name" "$(service_jar "$module")" $(service_env "$name")
  done
  for line in "${SERVICES[@]}"; do
    read -r name module port <<<"$line"
    wait_for_http "$name" "$(marker "$name")" "http://127.0.0.1:$(management_port "$port")/q/health/ready"
    note "$name: ready on http://127.0.0.1:$port"
  done
}

# service_line NAME: prints "name module port" of an owning service, or fails.
service_line() {
  local line
  for line in "${SERVICES[@]}"; do
    [[ ${line%% *} == "$1" ]] && { printf '%s' "$line"; return 0; }
  done
  return 1
}

# service_env NAME: extra environment of a service: the console is told where the gateway replicas' health is.
service_env() {
  [[ $1 == console ]] || return 0
  local count=${STACK_GATEWAYS:-0} f urls="" i
  if ((count == 0)); then
    for f in "$PID_DIR"/gateway-*.pid; do [[ -e $f ]] && count=$((count + 1)); done
    ((count > 0)) || count=1
  fi
  for ((i = 1; i <= count; i++)); do urls+="${urls:+,}http://127.0.0.1:$(management_port "$(gateway_port "$i")")"; done
  printf 'AIGW_GATEWAY_MANAGEMENT_URLS=%s' "$urls"
}

# start_service NAME: starts one service (catalog, key, config, console) and waits until it is ready.
start_service() {
  local name module port
  read -r name module port <<<"$(service_line "$1")"
  ensure_port_free_or_ours "$name" "$port"
  ensure_port_free_or_ours "$name" "$(management_port "$port")"
  # shellcheck disable=SC2046 # one word per variable
  start_java "$name" "$(service_jar "$module")" $(service_env "$name")
  wait_for_http "$name" "$(marker "$name")" "http://127.0.0.1:$(management_port "$port")/q/health/ready"
  note "$name: ready on http://127.0.0.1:$port"
}

# launch_gateway N: starts replica N (instance id gateway-N, its fixed port) without waiting.
launch_gateway() {
  local name=gateway-$1 port
  port=$(gateway_port "$1")
  ensure_port_free_or_ours "$name" "$port"
  ensure_port_free_or_ours "$name" "$(management_port "$port")"
  start_java "$name" "$(service_jar "$GATEWAY_MODULE")" QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" AIGW_GATEWAY_INSTANCE_ID="$name" ${AIGW_GATEWAY_ENV-$GATEWAY_ENV}
}

# wait_for_gateway N: waits until replica N reports ready (its routing snapshot is in force).
wait_for_gateway() {
  local name=gateway-$1 port
  port=$(gateway_port "$1")
  wait_for_http "$name" "$(marker "$name")" "http://127.0.0.1:$(management_port "$port")/q/health/ready"
  note "$name: ready on http://127.0.0.1:$port"
}

start_gateways() {
  local count=$1 i
  for ((i = 1; i <= count; i++)); do launch_gateway "$i"; done
  for ((i = 1; i <= count; i++)); do wait_for_gateway "$i"; done
  stop_gateways_from $((count + 1))
}

# Stops gateway replicas numbered FROM and above (scaling down on a second `up`).
stop_gateways_from() {
  local from=$1 f name
  for f in "$PID_DIR"/gateway-*.pid; do
    [[ -e $f ]] || continue
    name=$(basename "$f" .pid)
    ((${name#gateway-} >= from)) && stop_component "$name" "$(marker "$name")"
  done
  return 0
}

stop_suite() {
  local i line name
  stop_gateways_from 1
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    line=${SERVICES[$i]}
    name=${line%% *}
    stop_component "$name" "$(marker "$name")"
  done
  stop_component simulator "$(marker simulator)"
}

run_bootstrap_hook() {
  local hook="$STACK_DIR/bootstrap.sh"
  if [[ -x $hook ]]; then
    info "Bootstrap ($hook)"
    AIGW_STACK_GATEWAYS=$1 AIGW_SIMULATOR_URL="http://127.0.0.1:$SIMULATOR_PORT" AIGW_SIMULATOR_KEYS="$SIMULATOR_KEYS" \
      AIGW_SIMULATOR_STARTED=$SIMULATOR_STARTED "$hook" || die "bootstrap hook failed"
  fi
}

print_summary() {
  local count=$1 line name module port i
  printf '\nAIGW local stack is up.\n\n'
  printf '  %-12s %s\n' postgres "127.0.0.1:$PG_PORT (databases ${APP_DATABASES[*]})"
  printf '  %-12s %s\n' redis "redis://127.0.0.1:$REDIS_PORT"
  printf '  %-12s %s\n' kafka "$KAFKA_BOOTSTRAP"
  if $SIMULATOR_STARTED; then
    printf '  %-12s %s\n' simulator "http://127.0.0.1:$SIMULATOR_PORT (provider keys: $SIMULATOR_KEYS)"
  else
    printf '  %-12s %s\n' simulator "not running (e2e jar missing)"
  fi
  for line in "${SERVICES[@]}"; do
    read -r name module port <<<"$line"
    printf '  %-12s %s\n' "$name" "http://127.0.0.1:$port  ($module; health and metrics on :$(management_port "$port"))"
  done
  for ((i = 1; i <= count; i++)); do
    port=$(gateway_port "$i")
    printf '  %-12s %s\n' "gateway-$i" "http://127.0.0.1:$port  (health and metrics on :$(management_port "$port"))"
  done
  printf '\n  %-12s %s\n' admin "http://127.0.0.1:$CONSOLE_PORT/admin/v1  (one admin base URL for every admin API)"
  printf '  %-12s %s\n' console "http://127.0.0.1:$CONSOLE_PORT/  (web console: log in with the admin token)"
  print_calling_snippets
  cat <<EOF
Admin token, service token and vault master key: $SECRETS_FILE (or your environment).
Logs: $LOG_DIR  ('deploy/local/stack logs [name]').  Stop: 'deploy/local/stack down'.
EOF
}

# How to call the gateway with the demo access key that bootstrap.sh created.
print_calling_snippets() {
  local key_file="$STACK_DIR/run/demo-access-key" key
  if [[ ! -s $key_file ]]; then
    printf '\nNo demo access key was created (see the bootstrap output above).\n'
    return
  fi
  key=$(cat "$key_file")
  cat <<EOF

Demo access key (allow-all; also in $key_file):
  export AIGW_KEY=$key

Call the gateway with curl (answered by the provider simulator, no internet needed):
  curl http://127.0.0.1:8080/v1/chat/completions -H "Authorization: Bearer \$AIGW_KEY" \\
    -H 'Content-Type: application/json' \\
    -d '{"model":"simulator:sim-chat","messages":[{"role":"user","content":"Hello!"}]}'
  curl http://127.0.0.1:8080/v1/models -H "Authorization: Bearer \$AIGW_KEY"

With the OpenAI SDK (Python):
  from openai import OpenAI
  client = OpenAI(base_url="http://127.0.0.1:8080/v1", api_key="$key")
  print(client.chat.completions.create(model="simulator:sim-chat",
        messages=[{"role": "user", "content": "Hello!"}]).choices[0].message.content)

Add a real OpenRouter key (three calls; the admin token is in $SECRETS_FILE):
  curl -X POST http://127.0.0.1:8081/admin/v1/provider-keys -H "Authorization: Bearer \$AIGW_ADMIN_TOKEN" \\
    -H 'Content-Type: application/json' -d '{"providerId":"openrouter","name":"primary","value":"sk-or-v1-..."}'
  curl -X POST http://127.0.0.1:8082/admin/v1/configurations -H "Authorization: Bearer \$AIGW_ADMIN_TOKEN" \\
    -H 'Content-Type: application/json' -d '{"name":"openrouter-only","access":{"providers":{"allow":["openrouter"]}},
      "router":{"rules":[{"provider":"openrouter","steps":[{"type":"keys","keys":["<pk_ id from the first call>"]}]}]}}'
  curl -X PATCH http://127.0.0.1:8081/admin/v1/access-keys/ak_${key:3:12} \\
    -H "Authorization: Bearer \$AIGW_ADMIN_TOKEN" -H 'Content-Type: application/json' \\
    -d '{"configurationId":"<cfg_ id from the second call>"}'
  and call the model "openrouter:anthropic/claude-3.5-sonnet" with the demo key.
EOF
}
