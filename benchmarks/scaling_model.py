#!/usr/bin/env python3
"""The time per training batch against MPI ranks, modelled from measured inputs.

    benchmarks/scaling_model.py mpi_scaling.json [--latency-us 1.5] [--bandwidth-gb-s 10]

Reads what benchmarks/mpi_scaling.sh measured on one core (the simulation time per sample
and the learning updates' time per batch) and models a batch on P ranks of one core each:

    T(P) = ceil(B / P) * t_sample  +  t_learn  +  t_gather(P)  +  t_sum(P)
    t_gather(P) = (P - 1) * (alpha + (n / P) * beta)   ring all-gather of n = B * H * 4 bytes
    t_sum(P)    = 2 * ceil(log2 P) * alpha              all-reduce of the counters (~100 bytes)

with alpha the MPI latency and beta the inverse bandwidth of the interconnect (defaults:
InfiniBand HDR100, 1.5 us and 10 GB/s effective). Speed-up S(P) = T(1) / T(P), efficiency
S(P) / P. Prints a table (Markdown) for P = 1 .. 64 and the batch's limit.
"""
import argparse
import json
import math

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("measured", help="the JSON file benchmarks/mpi_scaling.sh wrote")
parser.add_argument("--latency-us", type=float, default=1.5)
parser.add_argument("--bandwidth-gb-s", type=float, default=10.0)
parser.add_argument("--ranks", default="1,2,4,8,16,32,64")
args = parser.parse_args()

with open(args.measured) as f:
    measured = json.load(f)
one = next(m for m in measured["medians"] if m["setting"] == "1 rank x 1 thread")
images, batch, hidden = measured["training_images"], measured["batch_size"], measured["hidden"]
batches = math.ceil(images / batch)
t_sample = (one["train_wall_s"] - one["learn_wall_s"]) / images
t_learn = one["learn_wall_s"] / batches
alpha = args.latency_us * 1e-6
beta = 1.0 / (args.bandwidth_gb_s * 1e9)
n_bytes = batch * hidden * 4


def batch_time(p):
    gather = (p - 1) * (alpha + (n_bytes / p) * beta)
    summed = 2 * math.ceil(math.log2(p)) * alpha if p > 1 else 0.0
    return math.ceil(batch / p) * t_sample + t_learn + gather + summed, gather + summed


print(f"measured on one core: t_sample = {t_sample * 1e3:.3f} ms per sample, "
      f"t_learn = {t_learn * 1e3:.2f} ms per batch (B = {batch}, H = {hidden}); "
      f"serial share of a batch {t_learn / (batch * t_sample + t_learn):.1%}")
print(f"interconnect: alpha = {args.latency_us} us, {args.bandwidth_gb_s} GB/s; "
      f"{n_bytes} bytes gathered per batch\n")
print("| ranks | batch time (ms) | of it communication (us) | speed-up | efficiency |")
print("|---:|---:|---:|---:|---:|")
t1, _ = batch_time(1)
for p in (int(r) for r in args.ranks.split(",")):
    t, comm = batch_time(p)
    print(f"| {p} | {t * 1e3:.2f} | {comm * 1e6:.1f} | {t1 / t:.2f} | {t1 / t / p:.0%} |")
limit = (batch * t_sample + t_learn) / (t_sample + t_learn)
print(f"\nAt P = B = {batch} every rank simulates one sample; the speed-up cannot exceed "
      f"(B t_sample + t_learn) / (t_sample + t_learn) = {limit:.1f}.")
