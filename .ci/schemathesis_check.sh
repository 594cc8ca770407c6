#!/usr/bin/env bash
# Fuzz the whole public and platform API against its OpenAPI document with schemathesis: a live server with demo data,
# once anonymous and once signed in as the operator; any 5xx or any response that violates the document fails.
# Usage: .ci/schemathesis_check.sh path/to/yiwang   (SEED=… to replay; EXAMPLES=… per operation, default 25)
set -euo pipefail
BIN=$(realpath "${1:?usage: $0 path/to/yiwang}")
T=$(mktemp -d /tmp/yiwang-schemathesis.XXXXXX)
PORT=18491
SEED=${SEED:-20261124}
EXAMPLES=${EXAMPLES:-25}
YIWANG_ADMIN_PASSWORD=schemathesis-operator "$BIN" serve --demo --data-dir "$T/data" --port $PORT >"$T/serve.log" 2>&1 & SERVE=$!
cleanup() { kill $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"admin","password":"schemathesis-operator"}' "$BASE/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
run() {
  schemathesis run "$BASE/openapi.json" --url "$BASE" --checks not_a_server_error,response_schema_conformance \
    --phases examples,coverage,fuzzing --max-examples "$EXAMPLES" --seed "$SEED" --no-color "$@" >"$T/run.log" 2>&1 \
    || { grep -A25 "FAILURES" "$T/run.log" | head -80; tail -5 "$T/serve.log"; return 1; }
  grep -E "generated|passed" "$T/run.log" | tail -1
}
echo "anonymous:"; run
echo "operator:"; run -H "Authorization: Bearer $TOKEN"
kill -0 $SERVE || { echo "the server died during the run"; exit 1; }
echo "schemathesis: no 5xx, no response outside the OpenAPI document"
