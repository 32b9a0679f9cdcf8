# shellcheck shell=bash
# Infrastructure of the local stack: PostgreSQL, Redis and a real single-node Kafka broker (KRaft).
# See /work/shared/INFRA.md for the measured recipe this follows.

PG_PORT=5432
REDIS_PORT=6379
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=19093
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

APP_DATABASES=(aigw_catalog aigw_keys aigw_config)
TEST_DATABASES=(aigw_catalog_test aigw_keys_test aigw_config_test)

KAFKA_HOME="$RUN_DIR/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_MARKER="-Daigw.stack=kafka"

# Topics: name, partitions, configs (comma-separated). Keyed by aggregate id; see SPEC.md §3.
KAFKA_TOPICS=(
  "access-key-changes 3 cleanup.policy=compact"
  "provider-key-changes 3 cleanup.policy=compact"
  "config-changes 3 cleanup.policy=compact"
  "catalog-changes 3 cleanup.policy=compact"
  "usage-events 6 cleanup.policy=delete,retention.ms=604800000"
  # the module tests' usage events (%test profiles of gateway-service and key-service): kept apart from the
  # suite's, so a benchmark's millions of events never sit in front of a test's few
  "test.usage-events 6 cleanup.policy=delete,retention.ms=86400000"
)

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------

pg_version() {
  # shellcheck disable=SC2012 # version directories: plain numbers
  ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1
}

psql_admin() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

ensure_postgres() {
  if port_open "$PG_PORT"; then
    note "postgres: already listening on 127.0.0.1:$PG_PORT"
  else
    local installed_now=false version
    if [[ -z $(pg_version) ]] || ! command -v pg_ctlcluster >/dev/null; then
      apt_install postgresql
      installed_now=true
    fi
    version=$(pg_version)
    [[ -n $version ]] || die "postgresql installed but no cluster under /etc/postgresql"
    if ! port_open "$PG_PORT"; then
      info "Starting PostgreSQL $version"
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
      mark_started postgres
    fi
    if $installed_now; then
      allow_local_trust_auth "$version"
    fi
    local deadline=$((SECONDS + 30))
    until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
      ((SECONDS < deadline)) || die "PostgreSQL did not accept connections within 30 s"
      sleep 0.3
    done
  fi
  psql_admin -c 'select 1' >/dev/null \
    || die "cannot connect as postgres to 127.0.0.1:$PG_PORT without a password (trust auth on 127.0.0.1 is expected)"
}

# A fresh Debian install asks for passwords on TCP; the services connect as postgres without one.
allow_local_trust_auth() {
  local hba="/etc/postgresql/$1/main/pg_hba.conf"
  grep -q 'aigw local stack' "$hba" && return 0
  info "Allowing trust auth for postgres on 127.0.0.1 in $hba (fresh install by the local stack)"
  as_root sed -i '1i host all postgres 127.0.0.1/32 trust  # aigw local stack' "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$1" main reload
}

create_databases() {
  local db
  for db in "$@"; do
    if [[ $(psql_admin -c "select 1 from pg_database where datname = '$db'") != 1 ]]; then
      psql_admin -c "create database \"$db\"" && note "postgres: created database $db"
    fi
  done
}

drop_databases() {
  local db
  for db in "$@"; do
    psql_admin -c "drop database if exists \"$db\" with (force)" && note "postgres: dropped database $db"
  done
}

stop_postgres_if_ours() {
  was_started postgres || return 0
  local version
  version=$(pg_version)
  if [[ -n $version ]] && port_open "$PG_PORT"; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main stop
    note "stopped postgres $version"
  fi
  unmark_started postgres
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------

# Deletes the keys the suite keeps in Redis (aigw:*: shared access-key records, the saved routing snapshot,
# limit counters), so that a wiped stack does not start from a snapshot of the data it dropped.
wipe_redis_keys() {
  local count
  count=$(redis-cli -p "$REDIS_PORT" --scan --pattern 'aigw:*' | xargs -r -n 500 redis-cli -p "$REDIS_PORT" del \
    | awk '{ n += $1 } END { print n + 0 }')
  note "redis: $count aigw:* keys deleted"
}

ensure_redis() {
  if port_open "$REDIS_PORT"; then
    note "redis: already listening on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  if port_open "$REDIS_PORT"; then   # the package may have started its own server
    note "redis: started by the package install on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  info "Starting Redis"
  ensure_run_dirs
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --pidfile "$(pid_file redis)" --logfile "$(log_file redis)" --dir "$RUN_DIR"
  mark_started redis
  local deadline=$((SECONDS + 10))
  until port_open "$REDIS_PORT"; do
    ((SECONDS < deadline)) || { print_log_tail redis; die "Redis did not open port $REDIS_PORT"; }
    sleep 0.1
  done
}

stop_redis_if_ours() {
  was_started redis || return 0
  stop_component redis redis-server
  unmark_started redis
}

# ---------------------------------------------------------------------------------------------
# Kafka: the broker's jars come from deploy/local/kafka/pom.xml (Maven Central, cached in ~/.m2).
# ---------------------------------------------------------------------------------------------

kafka_java() {
  java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m \
    -Dlog4j2.configurationFile="$STACK_DIR/kafka/log4j2.properties" -Daigw.log.level=WARN \
    -cp "$KAFKA_LIB/*" "$@"
}

ensure_kafka_lib() {
  local pom="$STACK_DIR/kafka/pom.xml" stamp="$KAFKA_LIB/.resolved"
  if [[ -f $stamp && ! $pom -nt $stamp ]]; then
    return 0
  fi
  info "Resolving Kafka jars with Maven (first run only)"
  rm -rf "$KAFKA_LIB.tmp"
  (cd "$REPO_ROOT" && ./mvnw -B -ntp -q -f "$pom" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB.tmp") || die "could not resolve the Kafka jars"
  rm -rf "$KAFKA_LIB"
  mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
  touch "$stamp"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DATA"
  cat >"$KAFKA_HOME/server.properties" <<EOF
# Written by deploy/local/stack: a single-node KRaft broker+controller for the local stack.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
}

format_kafka_storage() {
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  local id_file="$KAFKA_HOME/cluster.id"
  if [[ ! -s $id_file ]]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$id_file.tmp"
    mv "$id_file.tmp" "$id_file"
  fi
  info "Formatting Kafka storage (cluster id $(<"$id_file"))"
  kafka_java kafka.tools.StorageTool format -t "$(<"$id_file")" -c "$KAFKA_HOME/server.properties" >/dev/null
}

ensure_kafka() {
  ensure_kafka_lib
  if running_pid kafka "$KAFKA_MARKER" >/dev/null; then
    note "kafka: already running (started by the stack) on $KAFKA_BOOTSTRAP"
  elif port_open "$KAFKA_PORT"; then
    note "kafka: something already answers on $KAFKA_BOOTSTRAP: using it"
  else
    stop_stray_broker
    write_kafka_config
    format_kafka_storage
    info "Starting Kafka"
    local started=$SECONDS
    # shellcheck disable=SC2086 # AIGW_KAFKA_JAVA_OPTS: words
    start_background kafka -- java "$KAFKA_MARKER" ${AIGW_KAFKA_JAVA_OPTS:--Xmx256m -XX:+UseParallelGC} -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$STACK_DIR/kafka/log4j2.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties"
    wait_for_port kafka "$KAFKA_MARKER" "$KAFKA_PORT"
    note "kafka: listening on $KAFKA_BOOTSTRAP after $((SECONDS - started)) s"
  fi
  ensure_kafka_topics
}

# A broker of this stack with no PID file (one whose stop timed out, or started by an interrupted run) still holds the
# data directory's lock, so a new one would exit at once: stop it first, as a broker is stopped.
stop_stray_broker() {
  local pid
  pid=$(pgrep -f -- "$KAFKA_MARKER .*$KAFKA_HOME/server.properties" | head -n 1) || return 0
  [[ -n $pid ]] || return 0
  warn "kafka: a broker of this stack (pid $pid) is still running: stopping it first"
  stop_pid kafka "$pid" "$KAFKA_STOP_GRACE"
}

kafka_topics() {
  kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" "$@"
}

ensure_kafka_topics() {
  local existing line name partitions configs created=()
  # The broker opens its port before it serves metadata; after a restart on a loaded machine listing can fail a while.
  local deadline=$((SECONDS + READY_TIMEOUT))
  until existing=$(kafka_topics --list 2>&1); do
    if ((SECONDS >= deadline)); then
      printf '%s\n' "$existing" | tail -n 5 >&2
      print_log_tail kafka
      die "could not list Kafka topics on $KAFKA_BOOTSTRAP"
    fi
    sleep 1
  done
  for line in "${KAFKA_TOPICS[@]}"; do
    read -r name partitions configs <<<"$line"
    grep -qx -- "$name" <<<"$existing" && continue
    local args=(--create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1)
    local config
    IFS=',' read -ra config <<<"$configs"
    for c in "${config[@]}"; do args+=(--config "$c"); done
    kafka_topics "${args[@]}" >/dev/null || die "could not create Kafka topic $name"
    created+=("$name")
  done
  if ((${#created[@]})); then
    note "kafka: created topics ${created[*]}"
  else
    note "kafka: topics present"
  fi
}

describe_kafka_topics() {
  local names=() line
  for line in "${KAFKA_TOPICS[@]}"; do names+=("${line%% *}"); done
  local IFS='|'
  kafka_topics --describe --topic "${names[*]}"
}

# Seconds a broker gets to shut down cleanly on TERM before it is killed.
KAFKA_STOP_GRACE=15

stop_kafka() {
  stop_component kafka "$KAFKA_MARKER" "$KAFKA_STOP_GRACE"
}

wipe_kafka_data() {
  rm -rf "$KAFKA_DATA" "$KAFKA_HOME/cluster.id" "$KAFKA_HOME/server.properties"
  note "kafka: data deleted"
}

# Steps 1-3 of `up` (and `infra`): PostgreSQL with its databases, Redis, Kafka with its topics.
ensure_infrastructure() {
  info "Infrastructure"
  ensure_postgres
  create_databases "$@"
  ensure_redis
  ensure_kafka
}
