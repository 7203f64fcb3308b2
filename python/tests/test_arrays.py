"""Arrays come back without a copy where docs/python.md says so: views of live state
share its memory (weights writable, the rest read-only), results own the C++ buffers they
were computed in."""

import numpy as np
import pytest

import sprout


def is_handed_over(array: np.ndarray) -> bool:
    """An array over a buffer it does not own, kept alive by a capsule: no copy was made."""
    return not array.flags.owndata and type(array.base).__name__ == "PyCapsule"


def small_network():
    network = sprout.Network()
    network.add_spike_source("in", 10)
    network.add_lif("out", 5)
    projection = network.connect_all_to_all("in", "out", 0.5)
    return network, projection


def test_weights_are_a_writable_view():
    network, projection = small_network()
    weights = network.weights(projection)
    assert weights.dtype == np.float32 and weights.flags.writeable
    assert np.shares_memory(weights, network.weights(projection))
    inputs = {"in": (np.full(10, 1.0), np.arange(10, dtype=np.uint32))}
    simulation = sprout.Simulation(network)
    assert simulation.run(5.0, inputs)["counts"]["out"].sum() == 5
    weights[:] = 0.0  # through the view: the next trial sees it
    assert simulation.run(5.0, inputs)["counts"]["out"].sum() == 0


def test_state_views_are_read_only_and_shared(test_images):
    pixels = test_images.pixels
    assert pixels.shape == (test_images.count, 28, 28) and not pixels.flags.writeable
    assert np.shares_memory(pixels, test_images.pixels)
    with pytest.raises(ValueError):
        pixels[0, 0, 0] = 1
    network, _ = small_network()
    assert not network.thresholds("out").flags.writeable
    learner = sprout.StructuralLearner({"network": {"hidden": 20}})
    synapses = learner.synapses()
    assert synapses["weight"].shape == (20, 784)
    assert np.shares_memory(synapses["weight"], learner.synapses()["weight"])
    assert not synapses["state"].flags.writeable
    assert int((synapses["state"] >= 2).sum()) == synapses["realised"]


def test_results_hand_over_their_buffers(test_images):
    network = sprout.feedforward_network(hidden=20)
    run = sprout.present_images(network, test_images, 0, 3)
    assert run["hidden_counts"].shape == (3, 20)
    assert is_handed_over(run["hidden_counts"])
    trial = sprout.Simulation(network).run(
        50.0, {"input": sprout.encode(test_images.pixels[0], duration_ms=50.0)})
    assert is_handed_over(trial["spikes"]["input"]["t_ms"])
    assert is_handed_over(trial["counters"]["projection_synaptic_events"])
    t_ms, neuron = sprout.encode(test_images.pixels[0])
    assert is_handed_over(t_ms) and is_handed_over(neuron)


def test_views_outlive_their_names():
    network, projection = small_network()
    weights = network.weights(projection)
    del network  # the view keeps the network alive
    assert weights.sum() == pytest.approx(25.0)
