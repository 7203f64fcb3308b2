#!/usr/bin/env python3
"""PyTorch counterpart of `sprout bp` for benchmarks/bp_vs_pytorch.sh (not used by Sprout).

An MLP 784-H-10 (ReLU, softmax cross-entropy) trained with Adam on MNIST read from the
IDX files (numpy), with the same inputs as Sprout (pixel/255), the same initialisation
rule (nn.Linear's default), a fresh shuffle per epoch and a final partial batch. The
training loop is the idiomatic fast one (tensors in memory, index slicing; no DataLoader),
so the comparison is against what a user would run. Each epoch's time counts the training
pass only; the test evaluation after it is not timed.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] != b"\0\0" or data[2] != 0x08:
        raise SystemExit(f"{path}: not an unsigned-byte IDX file")
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def find(folder, stem, kind):
    for separator in ("-", "."):
        path = os.path.join(folder, f"{stem}{separator}{kind}")
        if os.path.exists(path):
            return path
    raise SystemExit(f"{folder}: {stem}-{kind} not found (plain IDX files are needed)")


def load(folder, stem):
    images = read_idx(find(folder, f"{stem}-images", "idx3-ubyte"))
    labels = read_idx(find(folder, f"{stem}-labels", "idx1-ubyte"))
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    return x, torch.from_numpy(labels.astype(np.int64))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="data/mnist")
    parser.add_argument("--hidden", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--standardise", action="store_true",
                        help="standardise with the training set's mean and deviation, as "
                             "Sprout's standardise_inputs")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data_dir, "train")
    test_x, test_y = load(args.data_dir, "t10k")
    if args.standardise:
        mean, deviation = train_x.double().mean().item(), train_x.double().std(unbiased=False).item()
        train_x = (train_x - mean) / deviation
        test_x = (test_x - mean) / deviation
    model = nn.Sequential(nn.Linear(train_x.shape[1], args.hidden), nn.ReLU(),
                          nn.Linear(args.hidden, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate)
    loss_function = nn.CrossEntropyLoss()
    print(f"pytorch {torch.__version__}: {train_x.shape[1]}-{args.hidden}-10, adam lr "
          f"{args.learning_rate:g}, batch {args.batch_size}, {args.epochs} epochs, "
          f"{torch.get_num_threads()} threads, seed {args.seed}"
          f"{', standardised inputs' if args.standardise else ''}", flush=True)

    epoch_seconds = []
    accuracy = 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(len(train_x))
        loss_sum, correct = 0.0, 0
        for begin in range(0, len(train_x), args.batch_size):
            index = order[begin:begin + args.batch_size]
            x, y = train_x[index], train_y[index]
            optimizer.zero_grad()
            logits = model(x)
            loss = loss_function(logits, y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(index)
            correct += (logits.argmax(1) == y).sum().item()
        epoch_seconds.append(time.perf_counter() - start)
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
        print(f"epoch {epoch:>3}  loss {loss_sum / len(train_x):.4f}  train "
              f"{100 * correct / len(train_x):6.2f}%  test {100 * accuracy:6.2f}%  "
              f"{epoch_seconds[-1]:7.2f} s", flush=True)

    mean = sum(epoch_seconds) / len(epoch_seconds)
    print(f"test accuracy {100 * accuracy:.2f}%  mean epoch {mean:.2f} s")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"test_accuracy": accuracy, "epoch_wall_s": epoch_seconds,
                       "mean_epoch_wall_s": mean, "threads": torch.get_num_threads(),
                       "torch_version": torch.__version__}, f, indent=2)


if __name__ == "__main__":
    main()
