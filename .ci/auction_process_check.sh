#!/usr/bin/env bash
# Online auctions across server processes on one PostgreSQL database, and kill -9 during a bidding burst.
# Usage: .ci/auction_process_check.sh path/to/yiwang postgres://user@host:port/fresh_database
set -euo pipefail
cd "$(dirname "$0")/.."
python3 .ci/auction_process_check.py "$(realpath "${1:?usage: $0 path/to/yiwang postgres-url}")" "${2:?postgres url of a fresh database}"
