#!/usr/bin/env bash
# Bootstrap hook, run by `deploy/local/stack up` once catalog, key and config services answer ready
# and before the gateways start (so their first routing snapshot already has what it registers).
# Idempotent: it registers what is missing and reuses what is there.
#   - custom providers `simulator` (OpenAI format), `simulator-anthropic` (Anthropic format) and
#     `simulator-gemini` (Google's native generateContent),
#     all pointing at the provider simulator, with a few models;
#   - the simulator's key `sim-key-1` as their provider key (in the vault);
#   - a demo access key (allow-all), whose token is kept in deploy/local/run/demo-access-key.
#
# Environment from the stack: AIGW_ADMIN_TOKEN, AIGW_SIMULATOR_URL, AIGW_SIMULATOR_KEYS.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEMO_KEY_FILE="$HERE/run/demo-access-key"
CATALOG=http://127.0.0.1:8083
KEYS=http://127.0.0.1:8081
SIMULATOR_URL=${AIGW_SIMULATOR_URL:-http://127.0.0.1:9100}
SIMULATOR_KEY=${AIGW_SIMULATOR_KEYS:-sim-key-1}
SIMULATOR_KEY=${SIMULATOR_KEY%%,*}

# admin METHOD URL [JSON] — prints the body; fails on a status outside 2xx and 409.
admin() {
  local method=$1 url=$2 body=${3:-} out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$url" \
    -H "Authorization: Bearer $AIGW_ADMIN_TOKEN" -H 'Content-Type: application/json' \
    ${body:+--data "$body"})
  if [[ $status != 2* && $status != 409 ]]; then
    echo "bootstrap: $method $url answered $status: $(head -c 400 "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# json_field FIELD — reads one top-level field of the JSON on stdin.
json_field() {
  python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"
}

register_provider() { # id format-surfaces auth-scheme extra-headers [base-path, default /v1]
  admin POST "$CATALOG/admin/v1/providers" "{\"id\":\"$1\",\"displayName\":\"Provider simulator ($1)\",
    \"baseUrl\":\"$SIMULATOR_URL${5:-/v1}\",\"authScheme\":\"$3\",\"extraHeaders\":$4,\"keyRequired\":true,
    \"allowPassThroughModels\":true,\"surfaces\":$2}" >/dev/null
}

register_model() { # provider model surfaces input-price output-price
  admin POST "$CATALOG/admin/v1/models" "{\"providerId\":\"$1\",\"modelId\":\"$2\",\"displayName\":\"$2\",
    \"bareId\":true,\"contextLength\":128000,\"maxOutputTokens\":8192,\"inputModalities\":[\"text\"],
    \"outputModalities\":[\"text\"],\"surfaces\":$3,
    \"pricing\":{\"inputPerMTok\":$4,\"outputPerMTok\":$5}}" >/dev/null
}

store_provider_key() { # provider
  local existing
  existing=$(admin GET "$KEYS/admin/v1/provider-keys?providerId=$1" |
    python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d[0]["id"] if d else "")')
  if [[ -z $existing ]]; then
    admin POST "$KEYS/admin/v1/provider-keys" \
      "{\"providerId\":\"$1\",\"name\":\"simulator key\",\"value\":\"$SIMULATOR_KEY\"}" >/dev/null
  else
    # Rotating re-encrypts the value under this stack's master key: the databases may hold a key
    # stored by another checkout of the stack, with other secrets.
    admin POST "$KEYS/admin/v1/provider-keys/$existing/rotate" "{\"value\":\"$SIMULATOR_KEY\"}" >/dev/null
  fi
}

demo_access_key() {
  local id token
  if [[ -s $DEMO_KEY_FILE ]]; then
    token=$(cat "$DEMO_KEY_FILE")
    id="ak_$(echo "$token" | cut -d- -f2)"
    if admin GET "$KEYS/admin/v1/access-keys/$id" 2>/dev/null | grep -q '"status":"active"'; then
      return 0
    fi
  fi
  token=$(admin POST "$KEYS/admin/v1/access-keys" \
    '{"name":"local demo","description":"created by deploy/local/bootstrap.sh"}' | json_field token)
  [[ -n $token ]] || { echo "bootstrap: key-service returned no token" >&2; return 1; }
  mkdir -p "$(dirname "$DEMO_KEY_FILE")"
  (umask 077 && printf '%s\n' "$token" >"$DEMO_KEY_FILE")
}

OPENAI_SURFACES='["openai/chat-completions","openai/completions","openai/embeddings","openai/responses"]'
register_provider simulator "$OPENAI_SURFACES" bearer '{}'
register_provider simulator-anthropic '["anthropic/messages"]' x-api-key '{"anthropic-version":"2023-06-01"}'
register_model simulator sim-chat '["openai/chat-completions","openai/completions","openai/responses"]' 0.15 0.60
register_model simulator sim-embed '["openai/embeddings"]' 0.02 0
register_model simulator-anthropic sim-claude '["anthropic/messages"]' 3 15
# Google's native API: model and streaming in the URL under /v1beta, key in x-goog-api-key
register_provider simulator-gemini '["google/generate-content"]' x-goog-api-key '{}' /v1beta
register_model simulator-gemini sim-gemini '["google/generate-content"]' 0.3 2.5
store_provider_key simulator
store_provider_key simulator-anthropic
store_provider_key simulator-gemini
demo_access_key
echo "    registered providers simulator, simulator-anthropic, simulator-gemini; provider keys stored; demo access key in $DEMO_KEY_FILE"
