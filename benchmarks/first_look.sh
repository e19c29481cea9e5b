#!/usr/bin/env bash
# Score one held-out set with the code as it was when the set was first measured, before any rule changed for it.
#   benchmarks/first_look.sh f78c0e5 7   # articles 701-704, code before they were added
#   benchmarks/first_look.sh d9038fc 8   # articles 801-804
# (Set 601-606 was measured on a working tree that was never committed; it cannot be replayed.)
set -euo pipefail
rev=$1 set=$2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/code" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$root" worktree add -q "$tmp/code" "$rev"
mkdir -p "$tmp/gold" "$tmp/corpus"
cp "$root"/gold/"${set}"0*.json "$tmp/gold/"
cp "$root"/corpus/"${set}"0*.txt "$tmp/corpus/"
cd "$tmp/code"
PYTHONPATH="$tmp/code/src" "$root/.venv/bin/python" -m xjextract.cli evaluate --gold "$tmp/gold" --corpus "$tmp/corpus"
