#!/usr/bin/env bash
# End-to-end check of the offline sealed-bid tools with the real binary:
#   bash .ci/sealed_cli_check.sh PATH_TO_YIWANG_BINARY
# Custodian and bidder keys, a 3 MiB bid sealed 2-of-3 with a price, two shares, the opening;
# then each failure must exit non-zero with its message and leave no output file behind.
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 PATH_TO_YIWANG_BINARY" >&2
    exit 2
fi
YIWANG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sealed-cli.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
CHECKS=0

ok() { CHECKS=$((CHECKS + 1)); }
fail() { echo "sealed CLI check failed: $*" >&2; exit 1; }

# expect_failure OUTPUT_FILE "expected message" command...: non-zero exit, message shown, no output file,
# no temporary file left beside it.
expect_failure() {
    local output="$1" message="$2"
    shift 2
    local log rc=0
    log="$("$YIWANG" "$@" 2>&1)" || rc=$?
    [[ $rc -ne 0 ]] || fail "'$*' succeeded; expected: $message"
    [[ $rc -eq 1 ]] || fail "'$*' exited $rc, expected 1"
    grep -qF -- "$message" <<<"$log" || fail "'$*' said: $log; expected: $message"
    [[ ! -e "$output" ]] || fail "'$*' left $output behind"
    if ls -A | grep -q '\.tmp$'; then fail "'$*' left a temporary file"; fi
    ok
}

# flip_byte FILE OFFSET: XOR the byte at OFFSET with 0x01, in place.
flip_byte() {
    local value
    value=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
    printf "\\x$(printf '%02x' $((value ^ 1)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# --- keys ---
for name in alice bob carol; do
    "$YIWANG" custodian keygen --out "$name" >/dev/null
    [[ "$(stat -c %a "$name.key")" == 600 ]] || fail "$name.key is not mode 0600"
    grep -q '^yiwang-custodian-pub-v1 ' "$name.pub" || fail "$name.pub is not a custodian public key"
    ok
done
"$YIWANG" bidder keygen --out bidder >/dev/null
[[ "$(stat -c %a bidder.key)" == 600 ]] || fail "bidder.key is not mode 0600"
grep -q '^yiwang-bidder-pub-v1 ' bidder.pub || fail "bidder.pub is not a bidder public key"
ok
before="$(sha256sum alice.key)"
expect_failure nothing.key "already exists" custodian keygen --out alice
[[ "$(sha256sum alice.key)" == "$before" ]] || fail "keygen overwrote alice.key"

# --- seal a 3 MiB bid, 2 of 3, with a price ---
head -c 3145728 /dev/urandom >bid.pdf
PAST=2025-01-06T09:30:00+08:00
seal() { # seal OUT DEADLINE EXTRA_ARGS...
    local out="$1" deadline="$2"
    shift 2
    "$YIWANG" bidder seal --tender YW-2026-000123 --lot LOT-1 --bidder 91110000053621038D \
        --deadline "$deadline" --custodians alice.pub,bob.pub,carol.pub --threshold 2 \
        --in bid.pdf --out "$out" "$@"
}
seal bid.ywb "$PAST" --price 1234567.89 --field 质量标准=合格 --signing-key bidder.key >seal.log
printed="$(sed -n 's/^envelope sha256: //p' seal.log)"
[[ "$printed" == "$(sha256sum bid.ywb | cut -d' ' -f1)" ]] || fail "printed sha256 '$printed' is not the envelope's"
ok
expect_failure bad.ywb "more than 2 decimal places" \
    bidder seal --tender T --lot L --bidder B --deadline 2025-01-06T09:30:00+08:00 \
    --custodians alice.pub,bob.pub,carol.pub --threshold 2 --in bid.pdf --out bad.ywb --price 1.234 --signing-key bidder.key
expect_failure bad.ywb "--signing-key FILE is required" \
    bidder seal --tender T --lot L --bidder B --deadline 2025-01-06T09:30:00+08:00 \
    --custodians alice.pub,bob.pub,carol.pub --threshold 2 --in bid.pdf --out bad.ywb --price 1

# --- custodians decrypt their shares; two open the bid ---
"$YIWANG" custodian share --key alice.key --in bid.ywb --out alice.share >/dev/null
"$YIWANG" custodian share --key carol.key --in bid.ywb --out carol.share >/dev/null
[[ "$(stat -c %a alice.share)" == 600 ]] || fail "alice.share is not mode 0600"
grep -qx "envelope-sha256: $printed" alice.share || fail "alice.share does not name the envelope"
grep -qx "tender: YW-2026-000123" alice.share || fail "alice.share does not name the tender"
grep -qx "index: 3" carol.share || fail "carol.share is not share 3"
ok
"$YIWANG" envelope open --shares alice.share,carol.share --in bid.ywb --out opened.pdf \
    --expect-sha256 "$printed" >open.log
cmp -s bid.pdf opened.pdf || fail "the opened bid differs from the sealed one"
ok
grep -qF "报价 price: 1234567.89 CNY" open.log || fail "price not read out: $(cat open.log)"
grep -qF "质量标准: 合格" open.log || fail "field not read out: $(cat open.log)"
ok

# --- failures ---
expect_failure one.pdf "but 2 are needed" envelope open --shares alice.share --in bid.ywb --out one.pdf

seal other.ywb "$PAST" --price 1 --signing-key bidder.key >/dev/null
"$YIWANG" custodian share --key bob.key --in other.ywb --out bob-other.share >/dev/null
expect_failure mixed.pdf "The share is for another envelope" \
    envelope open --shares alice.share,bob-other.share --in bid.ywb --out mixed.pdf

cp bid.ywb tampered.ywb
flip_byte tampered.ywb 1048576
expect_failure tampered.pdf "signature on the envelope does not verify (tampered)" \
    envelope open --shares alice.share,carol.share --in tampered.ywb --out tampered.pdf
expect_failure tampered.pdf "does not match the hash committed at upload" \
    envelope open --shares alice.share,carol.share --in tampered.ywb --out tampered.pdf --expect-sha256 "$printed"

# One byte of carol's share value changes (base64 character 60 after the 26-byte label of line 7,
# inside the 32 share bytes); the readable labels stay right.
cp carol.share carol-bad.share
offset=$(($(head -n 6 carol-bad.share | wc -c) + 26 + 60))
char="$(dd if=carol-bad.share bs=1 skip="$offset" count=1 status=none)"
replacement=A
[[ "$char" != A ]] || replacement=B
printf '%s' "$replacement" | dd of=carol-bad.share bs=1 seek="$offset" conv=notrunc status=none
cmp -s carol.share carol-bad.share && fail "the share was not changed"
expect_failure bad-share.pdf "does not match the bidder's commitment (wrong share)" \
    envelope open --shares alice.share,carol-bad.share --in bid.ywb --out bad-share.pdf

# A custodian does not release a share before the deadline.
seal future.ywb 2999-01-01T09:30:00+08:00 --price 1 --signing-key bidder.key >/dev/null
expect_failure future.share "has not passed" custodian share --key alice.key --in future.ywb --out future.share

echo "sealed CLI: $CHECKS checks ok"
