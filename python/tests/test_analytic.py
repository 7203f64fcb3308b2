"""Values derived independently of the engine: a LIF neuron's spike times from the
analytic solution of tau dv/dt = -(v - v_rest), SynOps as spikes times fan-out, and the
same trial repeated bit for bit."""

import math

import numpy as np

import sprout


def test_spontaneous_lif_fires_at_the_analytic_times():
    # v(0) = 0 relaxes towards v_rest = 1.5 above the threshold 1: it reaches it at
    # t = tau ln(v_rest / (v_rest - threshold)), and after each reset to 0 again that long.
    tau, v_rest, threshold = 10.0, 1.5, 1.0
    network = sprout.Network()
    network.add_lif("n", 1, tau_m_ms=tau, v_rest=v_rest, v_threshold=threshold,
                    refractory_ms=0.0)
    trial = sprout.Simulation(network).run(100.0)
    period = tau * math.log(v_rest / (v_rest - threshold))
    expected = period * np.arange(1, int(100.0 / period) + 1)
    np.testing.assert_allclose(trial["spikes"]["n"]["t_ms"], expected, rtol=1e-12)
    assert trial["counts"]["n"][0] == len(expected) == 9


def test_input_spike_crossing_time():
    # One input of weight 0.6 at 1 ms (+ 0.5 ms delay) and one of 0.4 at 4 ms: the
    # neuron spikes at the second arrival exactly when 0.6 exp(-(4.5 - 1.5)/tau) + 0.4
    # reaches the threshold, and not otherwise.
    tau = 20.0
    for threshold in (0.9, 1.0):
        network = sprout.Network()
        network.add_spike_source("in", 2)
        network.add_lif("out", 1, tau_m_ms=tau, v_threshold=threshold)
        network.connect("in", "out", [0, 1], [0, 0], [0.6, 0.4], 0.5)
        trial = sprout.Simulation(network).run(20.0, {"in": ([1.0, 4.0], [0, 1])})
        v = 0.6 * math.exp(-3.0 / tau) + 0.4
        if v >= threshold:
            np.testing.assert_array_equal(trial["spikes"]["out"]["t_ms"], [4.5])
        else:
            assert len(trial["spikes"]["out"]["t_ms"]) == 0
    assert 0.9 <= 0.6 * math.exp(-3.0 / tau) + 0.4 < 1.0  # one of each case


def test_synops_are_spikes_times_fan_out():
    rng = np.random.default_rng(5)
    network = sprout.Network()
    network.add_spike_source("in", 30)
    network.add_lif("hidden", 40)
    network.add_lif("out", 7)
    # Random fan-outs from the sources; all-to-all from hidden to out.
    pre = rng.integers(0, 30, 500)
    post = rng.integers(0, 40, 500)
    first = network.connect("in", "hidden", pre, post, 0.35, 1.0)
    second = network.connect_all_to_all("hidden", "out", 0.2, 0.5)
    fan_out = np.bincount(pre, minlength=30)
    # Inputs over the first 250 ms of 300: every spike, and every hidden spike it causes,
    # is delivered within the trial.
    t, neuron = sprout.poisson_trains(np.full(30, 40.0), 250.0, seed=9)
    trial = sprout.Simulation(network).run(300.0, {"in": (t, neuron)})
    counters = trial["counters"]
    assert counters["projection_synaptic_events"][first] == fan_out[neuron].sum()
    hidden_spikes = len(trial["spikes"]["hidden"]["t_ms"])
    assert hidden_spikes > 0
    assert counters["projection_synaptic_events"][second] == 7 * hidden_spikes
    assert counters["synaptic_events"] == counters["projection_synaptic_events"].sum()
    np.testing.assert_array_equal(counters["population_spikes"],
                                  [len(t), hidden_spikes, trial["counts"]["out"].sum()])


def test_same_seed_same_spikes_bit_for_bit(test_images):
    # Two trials of one seed, and the same images on one and on two threads.
    network = sprout.feedforward_network(hidden=80, seed=4)
    spikes = sprout.encode(test_images.pixels[0], seed=4, sample=0)
    simulation = sprout.Simulation(network)
    a = simulation.run(350.0, {"input": spikes}, seed=4)
    b = sprout.Simulation(network).run(350.0, {"input": spikes}, seed=4)
    np.testing.assert_array_equal(a["spikes"]["hidden"]["t_ms"], b["spikes"]["hidden"]["t_ms"])
    np.testing.assert_array_equal(a["spikes"]["hidden"]["neuron"],
                                  b["spikes"]["hidden"]["neuron"])
    one = sprout.present_images(network, test_images, 0, 4, seed=4, threads=1)
    two = sprout.present_images(network, test_images, 0, 4, seed=4, threads=2)
    np.testing.assert_array_equal(one["hidden_counts"], two["hidden_counts"])
    assert one["counters"]["synaptic_events"] == two["counters"]["synaptic_events"]
    np.testing.assert_array_equal(one["hidden_counts"][0], a["counts"]["hidden"])
