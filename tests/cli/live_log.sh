# Sourced by tests that read a console through a pipe, as a log would.
# log_epoch_arrival LOG RESULTS ARRIVAL: copies standard input to LOG line by line and, on
# the line "epoch 1: test accuracy ...", writes to ARRIVAL "live" if RESULTS (a train
# results.json) is not yet complete, "late" if it is: a console buffered until the process
# ends delivers its epoch lines only after the results are final.
log_epoch_arrival() {
  local log=$1 results=$2 arrival=$3 line
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    case $line in
      "epoch 1: test accuracy"*)
        if grep -q '"complete": true' "$results" 2>/dev/null; then
          echo late >"$arrival"
        else
          echo live >"$arrival"
        fi ;;
    esac
  done
}
