"""The reference workload through the Python module (used by python_simulate.sh):
builds the network of `sprout simulate`, presents the test images and prints the
simulation's wall time and synaptic events as JSON, like the fields of simulate.json."""

import json
import sys
import time

import sprout

data_dir, images, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
test = sprout.load_mnist_split(data_dir, "test")
network = sprout.feedforward_network(hidden=1000, connectivity=0.2, seed=1)
start = time.perf_counter()
run = sprout.present_images(network, test, 0, images, duration_ms=350.0, max_rate_hz=63.75,
                            seed=1, threads=threads)
wall_s = time.perf_counter() - start
events = run["counters"]["synaptic_events"]
print(json.dumps({"synaptic_events": events, "wall_s": wall_s, "events_per_s": events / wall_s}))
