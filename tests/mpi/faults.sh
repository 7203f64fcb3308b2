#!/usr/bin/env bash
# A job whose rank dies, or whose rank meets an error, ends as a whole with a non-zero exit
# and a clear message within seconds, instead of leaving the other ranks waiting.
source "$(dirname "$0")/mpi_lib.sh"

# An error on rank 0 alone (it owns the output folder, which holds a finished run).
mkdir -p "$work/taken" && echo '{}' >"$work/taken/results.json"
rc=0
timeout 60 "${mpirun[@]}" -np 2 --oversubscribe "$sprout" train --config "$model" --data-dir "$data" --train-limit 320 \
  --out "$work/taken" >"$work/taken.log" 2>&1 || rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || { cat "$work/taken.log"; fail "exit $rc (124: hung)"; }
grep -q "^sprout: error: --out .*taken" "$work/taken.log" || { cat "$work/taken.log"; fail "no error line"; }

# A command that cannot divide its work is refused, not run twice into the same folder.
rc=0
timeout 60 "${mpirun[@]}" -np 2 --oversubscribe "$sprout" simulate --data-dir "$data" \
  --out "$work/sim.json" >"$work/sim.log" 2>&1 || rc=$?
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || { cat "$work/sim.log"; fail "simulate: exit $rc"; }
grep -q "sprout simulate runs in one process, not on 2 MPI ranks" "$work/sim.log" ||
  { cat "$work/sim.log"; fail "simulate: no error line"; }
[ ! -e "$work/sim.json" ] || fail "simulate wrote under MPI"

# A rank killed in the middle of training.
"${mpirun[@]}" -np 2 --oversubscribe "$sprout" train --config "$model" --data-dir "$data" --train-limit 20000 \
  --test-limit 1000 --epochs 3 --threads 1 --out "$work/killed" >"$work/killed.log" 2>&1 &
launcher=$!
for _ in $(seq 1 300); do
  grep -q "^== training" "$work/killed.log" 2>/dev/null && break
  sleep 0.1
done
sleep 1
victim=$(pgrep -P "$launcher" -f "sprout train" | tail -n 1 || true)
[ -n "$victim" ] || { cat "$work/killed.log"; fail "no rank process found under mpirun"; }
kill -KILL "$victim"
killed_at=$SECONDS
rc=0
for _ in $(seq 1 300); do
  kill -0 "$launcher" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$launcher" 2>/dev/null; then
  kill -KILL "$launcher"
  fail "the job still ran 30 s after a rank was killed"
fi
wait "$launcher" || rc=$?
[ "$rc" -ne 0 ] || fail "the job exited 0 after a rank was killed"
grep -qi "signal 9\|killed" "$work/killed.log" || { cat "$work/killed.log"; fail "no message"; }
echo "mpi.faults: errors and a killed rank end the job (in $((SECONDS - killed_at)) s), exit $rc"
