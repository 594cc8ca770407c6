#!/usr/bin/env bash
# End to end with the real binary: the platform with demo data pushing checkpoints to a standalone witness;
# `yiwang verify receipt` and `yiwang verify certificate` offline (and failing on a changed byte);
# `yiwang audit` passing, then naming the first bad entry after a row of the SQLite database is changed.
# Usage: .ci/witness_cli_check.sh path/to/yiwang
set -euo pipefail
[ -n "${CI_TRACE:-}" ] && set -x
BIN=$(realpath "${1:?usage: $0 path/to/yiwang}")
T=$(mktemp -d /tmp/yiwang-witness-check.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
PORT=18481
WPORT=18482
checks=0
ok() { checks=$((checks + 1)); echo "  ok: $1"; }
fail() { echo "FAILED: $1" >&2; exit 1; }
wait_for() { for _ in $(seq 1 100); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; fail "no answer from $1"; }

# the log key exists from the first start; the witness trusts it
"$BIN" migrate --data-dir "$T/data" >/dev/null
"$BIN" serve --data-dir "$T/data" --port $PORT >"$T/serve0.log" 2>&1 & PIDS+=($!)
wait_for "http://127.0.0.1:$PORT/healthz"
curl -fsS "http://127.0.0.1:$PORT/log/key" >"$T/log.vkey"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
[ "$(stat -c %a "$T/data/log.key")" = 600 ] && ok "log key file has mode 0600"

"$BIN" witness keygen --name witness.ci.test/regulator --out "$T/witness" >/dev/null
"$BIN" witness serve --key "$T/witness.key" --state "$T/witness-state.json" --log "$T/log.vkey" --port $WPORT >"$T/witness.log" 2>&1 & PIDS+=($!)
wait_for "http://127.0.0.1:$WPORT/"
YIWANG_LOG_WITNESSES="http://127.0.0.1:$WPORT/=$(cat "$T/witness.vkey")" YIWANG_SCHEDULER_SECONDS=1 \
  "$BIN" serve --demo --data-dir "$T/data" --port $PORT >"$T/serve.log" 2>&1 & SERVE=$!; PIDS+=($SERVE)
wait_for "http://127.0.0.1:$PORT/healthz"

# a receipt for an entry, verified offline with one required witness (the witness may answer a moment later: wait)
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/log/checkpoint" | grep -q "witness.ci.test/regulator" && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$PORT/log/receipts/5" >"$T/r.tlog-proof"
"$BIN" verify receipt "$T/r.tlog-proof" --log-key "$T/log.vkey" --witness "$T/witness.vkey" --min-witnesses 1 >"$T/verify.out" \
  && ok "verify receipt (log key + 1 witness)" || { cat "$T/verify.out"; fail "receipt did not verify"; }
python3 - "$T/r.tlog-proof" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().split("\n")
i = next(n for n, line in enumerate(lines) if line.startswith("index ")) + 1
lines[i] = ("A" if lines[i][0] != "A" else "B") + lines[i][1:]
open(path + ".bad", "w").write("\n".join(lines))
PY
if "$BIN" verify receipt "$T/r.tlog-proof.bad" --log-key "$T/log.vkey" >"$T/bad.out" 2>&1; then fail "a changed proof line verified"; fi
ok "a receipt with one changed proof hash is refused"

# a project's witness certificate, verified offline; a changed event is named
PROJECT=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/projects?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -fsS "http://127.0.0.1:$PORT/projects/$PROJECT/certificate.json" >"$T/cert.json"
"$BIN" verify certificate "$T/cert.json" --log-key "$T/log.vkey" --witness "$T/witness.vkey" >"$T/cert.out" \
  && ok "verify certificate ($(grep -c OK "$T/cert.out") lines OK)" || { cat "$T/cert.out"; fail "certificate did not verify"; }
python3 - "$T/cert.json" <<'PY'
import json, sys
path = sys.argv[1]
bundle = json.load(open(path))
bundle["events"][1]["entry"] = bundle["events"][1]["entry"].replace('"time":"', '"time":"0', 1)
json.dump(bundle, open(path + ".bad", "w"), ensure_ascii=False)
PY
if "$BIN" verify certificate "$T/cert.json.bad" --log-key "$T/log.vkey" >"$T/cert-bad.out" 2>&1; then fail "a changed certificate verified"; fi
grep -q "event 1" "$T/cert-bad.out" && ok "a changed event is named: $(grep -m1 FAILED "$T/cert-bad.out" | cut -c1-80)" || { cat "$T/cert-bad.out"; fail "the changed event was not named"; }

# sealed bids: two demo custodians release their shares with `yiwang custodian release` (keys stay on this machine)
for dir in "$T"/data/demo-custodians/*/; do
  SEALED=$(basename "$dir")
  LOT=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/projects/$SEALED" | python3 -c 'import json,sys; l=json.load(sys.stdin)["lots"][0]; print(l["id"] if l["phase"] == "bidding-closed" else "")')
  [ -n "$LOT" ] && break
done
[ -n "${LOT:-}" ] || fail "no demo sealed lot waiting for custodians"
released=0
for key in "$T/data/demo-custodians/$SEALED"/*.key; do
  [ $released -lt 2 ] || break
  YIWANG_PASSWORD=yiwang-demo "$BIN" custodian release --server "http://127.0.0.1:$PORT" --username "$(basename "$key" .key)" \
    --key "$key" --project "$SEALED" --lot "$LOT" >"$T/release.out" 2>&1 || { cat "$T/release.out"; fail "custodian release failed"; }
  released=$((released + 1))
done
grep -q "lot phase: opened" "$T/release.out" && ok "two custodians released with yiwang custodian release; the lot opened" || { cat "$T/release.out"; fail "the lot did not open"; }

# a bidder seals offline to the published panel and uploads with `yiwang bidder submit`; the receipt verifies
API="http://127.0.0.1:$PORT/api/v1"
for dir in "$T"/data/demo-custodians/*/; do
  OPEN=$(basename "$dir")
  OLOT=$(curl -fsS "$API/projects/$OPEN" | python3 -c 'import json,sys; l=json.load(sys.stdin)["lots"][0]; print(l["id"] + " " + l["bidDeadline"] if l["phase"] == "announced" else "")')
  [ -n "$OLOT" ] && break
done
[ -n "${OLOT:-}" ] || fail "no demo sealed lot open for bids"
read -r OLOT DEADLINE <<<"$OLOT"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"bidder4","password":"yiwang-demo"}' "$API/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
PARTY=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$API/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["partyId"])')
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"deposit":"guarantee"}' "$API/projects/$OPEN/lots/$OLOT/registrations"
curl -fsS "$API/projects/$OPEN/custodians" | python3 -c '
import json, sys
panel = json.load(sys.stdin)
names = []
for item in panel["items"]:
    name = sys.argv[1] + "/panel%d.pub" % item["position"]
    open(name, "w").write(item["publicKey"].strip() + "\n")
    names.append(name)
open(sys.argv[1] + "/panel.txt", "w").write(",".join(names) + " " + str(panel["threshold"]) + "\n")
' "$T"
read -r PUBS K <"$T/panel.txt"
"$BIN" bidder keygen --out "$T/bidder4" >/dev/null
printf '%%PDF-1.7\n/Author (CI bidder)\nCI-MARKER sealed bid body\n' >"$T/bid.pdf"
"$BIN" bidder seal --tender "$OPEN" --lot "$OLOT" --bidder "$PARTY" --deadline "$DEADLINE" --custodians "$PUBS" --threshold "$K" \
  --in "$T/bid.pdf" --out "$T/bid.ywb" --price 820000.00 --signing-key "$T/bidder4.key" >"$T/seal.out" || { cat "$T/seal.out"; fail "bidder seal failed"; }
YIWANG_PASSWORD=yiwang-demo "$BIN" bidder submit --server "http://127.0.0.1:$PORT" --username bidder4 --in "$T/bid.ywb" \
  --register-key "$T/bidder4.pub" >"$T/submit.out" 2>&1 || { cat "$T/submit.out"; fail "bidder submit failed"; }
grep -q "receipt verified" "$T/submit.out" && [ -s "$T/bid.ywb.tlog-proof" ] && ok "bidder seal + submit to the published panel; receipt verified and saved" \
  || { cat "$T/submit.out"; fail "no verified receipt"; }
"$BIN" verify receipt "$T/bid.ywb.tlog-proof" --log-key "$T/log.vkey" >/dev/null && ok "the saved receipt verifies offline" || fail "saved receipt did not verify"
if YIWANG_PASSWORD=yiwang-demo "$BIN" bidder submit --server "http://127.0.0.1:$PORT" --username bidder3 --in "$T/bid.ywb" >"$T/submit-bad.out" 2>&1; then
  fail "another bidder uploaded bidder4's envelope"
fi
ok "another bidder's upload of the envelope is refused: $(head -1 "$T/submit-bad.out" | cut -c1-70)"

# the audit: the database against its signed checkpoints
kill $SERVE; wait $SERVE 2>/dev/null || true
"$BIN" audit --data-dir "$T/data" >"$T/audit.out" && ok "audit passes: $(cut -c1-60 "$T/audit.out")" || { cat "$T/audit.out"; fail "audit of an untouched log failed"; }
python3 - "$T/data/yiwang.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE log_entries SET entry = replace(entry, '\"type\":\"', '\"type\":\"x') WHERE idx = 7")
db.commit()
PY
if "$BIN" audit --data-dir "$T/data" >"$T/audit-bad.out" 2>&1; then fail "audit passed a changed row"; fi
grep -q "first bad entry: 7" "$T/audit-bad.out" && ok "audit names the changed row: $(head -1 "$T/audit-bad.out" | cut -c1-70)" || { cat "$T/audit-bad.out"; fail "audit did not name entry 7"; }
echo "witness log CLI: $checks checks ok"
