#!/usr/bin/env bash
# Bootstrap hook, run by `deploy/local/stack up` once every component answers ready.
# Later work fills it in: register the provider simulator as a custom provider in
# model-catalog-service, store a simulator provider key in key-service and create a demo access
# key. Until those admin APIs exist it only prints where things are.
#
# Environment from the stack: AIGW_ADMIN_TOKEN, AIGW_SERVICE_TOKEN, AIGW_STACK_GATEWAYS,
# AIGW_SIMULATOR_URL, AIGW_SIMULATOR_STARTED (true/false).
set -euo pipefail

cat <<MSG
Health:
  http://127.0.0.1:8083/q/health/ready   model-catalog-service
  http://127.0.0.1:8081/q/health/ready   key-service
  http://127.0.0.1:8082/q/health/ready   config-service
  http://127.0.0.1:8080/q/health/ready   gateway-service
Admin APIs take 'Authorization: Bearer \$AIGW_ADMIN_TOKEN' (value in deploy/local/.secrets.env).
Nothing is registered yet: no provider, no provider key, no access key.
MSG
