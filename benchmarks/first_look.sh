#!/usr/bin/env bash
# Score one held-out set with the code as it was when the set was first measured, before any rule changed for it.
#   benchmarks/first_look.sh f78c0e5 7             # corpus articles 701-704, code before they were added
#   benchmarks/first_look.sh d9038fc 8             # corpus articles 801-804
#   benchmarks/first_look.sh 463f66b dev_b18       # a part of devset/split.json (today's gold, that commit's code)
#   benchmarks/first_look.sh b778b4d heldout_b17 --json   # further arguments go to `xjextract evaluate`
#   benchmarks/first_look.sh 98c892e @held.txt      # a list of dev ids, one per line (a union of held-back parts:
#                                                    # README "Gold data and evaluation" writes held.txt)
#   GOLD_REV=ea8a309 benchmarks/first_look.sh 870f60e dev_b17   # the dev gold as committed at GOLD_REV (a first look
#                                                                # as recorded, before later gold revisions)
# (Set 601-606 was measured on a working tree that was never committed; it cannot be replayed. Code older than the
# xj_durations component fails to load with today's installed entry points.)
set -euo pipefail
rev=$1 set=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ $set == @* ]]; then  # an id list: resolved before the cd into the worktree below
    ids="@$(cd "$(dirname "${set#@}")" && pwd)/$(basename "${set#@}")"
else
    ids="@$root/devset/split.json:$set"
fi
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/code" >/dev/null 2>&1 || true
      git -C "$root" worktree remove --force "$tmp/gold_rev" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$root" worktree add -q "$tmp/code" "$rev"
if [[ $set =~ ^[0-9]+$ ]]; then
    mkdir -p "$tmp/gold" "$tmp/corpus"
    cp "$root"/gold/"${set}"0*.json "$tmp/gold/"
    cp "$root"/corpus/"${set}"0*.txt "$tmp/corpus/"
    cd "$tmp/code"
    PYTHONPATH="$tmp/code/src" "$root/.venv/bin/python" -m xjextract.cli evaluate --gold "$tmp/gold" --corpus "$tmp/corpus" "$@"
else
    gold="$root/devset/gold"
    if [[ -n ${GOLD_REV:-} ]]; then
        git -C "$root" worktree add -q "$tmp/gold_rev" "$GOLD_REV"
        gold="$tmp/gold_rev/devset/gold"
    fi
    cd "$tmp/code"
    PYTHONPATH="$tmp/code/src" "$root/.venv/bin/python" -m xjextract.cli evaluate --gold "$gold" \
        --corpus "$root/devset/texts" --ids "$ids" "$@"
fi
