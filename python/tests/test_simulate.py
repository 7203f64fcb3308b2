"""The same network and seed give the same spikes from Python as from `sprout simulate`,
whether built by feedforward_network or from populations, a connection rule and one
Simulation per image."""

import csv
import json
import subprocess

import numpy as np

import sprout

IMAGES = 6
HIDDEN = 50
SEED = 3


def cli_counts(cli, data_dir, tmp_path):
    out = tmp_path / "sim.json"
    subprocess.run(
        [cli, "simulate", "--data-dir", data_dir, "--images", str(IMAGES), "--hidden", str(HIDDEN),
         "--threads", "1", "--seed", str(SEED), "--quiet", "--out", str(out)],
        check=True, capture_output=True)
    with open(tmp_path / "sim.counts.csv") as f:
        rows = list(csv.reader(f))[1:]
    counts = np.array([[int(v) for v in row[2:]] for row in rows], dtype=np.uint32)
    return counts, json.loads(out.read_text())


def test_present_images_matches_cli(cli, data_dir, test_images, tmp_path):
    counts, results = cli_counts(cli, data_dir, tmp_path)
    network = sprout.feedforward_network(hidden=HIDDEN, seed=SEED)
    for threads in (1, 2):
        run = sprout.present_images(network, test_images, 0, IMAGES, seed=SEED, threads=threads)
        np.testing.assert_array_equal(run["hidden_counts"], counts)
        assert run["counters"]["synaptic_events"] == results["synaptic_events"]
        assert run["counters"]["population_spikes"][0] == results["input_spikes"]
        assert run["counters"]["population_spikes"][1] == results["hidden_spikes"]


def test_user_built_network_matches_cli(cli, data_dir, test_images, tmp_path):
    counts, results = cli_counts(cli, data_dir, tmp_path)
    network = sprout.Network()
    network.add_spike_source("input", 784)
    network.add_lif("hidden", HIDDEN)
    network.connect_random("input", "hidden", 0.2, seed=SEED)
    simulation = sprout.Simulation(network)
    events = 0
    for k in range(IMAGES):
        spikes = sprout.encode(test_images.pixels[k], seed=SEED, sample=k)
        trial = simulation.run(350.0, {"input": spikes}, seed=SEED, sample=k)
        np.testing.assert_array_equal(trial["counts"]["hidden"], counts[k])
        np.testing.assert_array_equal(np.bincount(trial["spikes"]["hidden"]["neuron"],
                                                  minlength=HIDDEN), counts[k])
        events += trial["counters"]["synaptic_events"]
    assert events == results["synaptic_events"]


def test_user_weights_delays_and_membrane():
    network = sprout.Network()
    source = network.add_spike_source("in", 2)
    target = network.add_lif("out", 1, tau_m_ms=10.0, v_threshold=1.0)
    projection = network.connect(source, target, [0, 1], [0, 0], [0.6, 0.6], [1.0, 2.5])
    np.testing.assert_array_equal(network.delays_ms(projection), [1.0, 2.5])
    trial = sprout.Simulation(network).run(
        10.0, {"in": ([1.0, 1.0], [0, 1])}, membrane=("out", [0]), membrane_interval_ms=0.5)
    # 0.6 at 2.0 ms, decayed by exp(-1.5/10), plus 0.6 at 3.5 ms crosses the threshold.
    np.testing.assert_allclose(trial["spikes"]["out"]["t_ms"], [3.5])
    assert trial["counters"]["synaptic_events"] == 2
    v = trial["membrane"]["v"][:, 0]
    t = trial["membrane"]["t_ms"]
    assert v.shape == (20,) and t[5] == 2.5
    np.testing.assert_allclose(v[t == 3.0], 0.6 * np.exp(-1.0 / 10.0))


def test_poisson_trains_have_their_rates():
    t, neuron = sprout.poisson_trains([0.0, 100.0, 1000.0], 10_000.0, seed=2)
    assert np.all(np.diff(t) >= 0)
    counts = np.bincount(neuron, minlength=3)
    assert counts[0] == 0
    assert abs(counts[1] - 1000) < 150 and abs(counts[2] - 10_000) < 500
