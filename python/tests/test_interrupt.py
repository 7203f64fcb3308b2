"""Long calls release the GIL and stop cleanly on Ctrl-C (SIGINT) with KeyboardInterrupt."""

import os
import signal
import threading
import time

import pytest

import sprout


def interrupt_after(seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def test_ctrl_c_stops_present_images(test_images):
    network = sprout.feedforward_network(hidden=300)
    done = []
    timer = interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        sprout.present_images(network, test_images, 0, 5000, threads=2,
                              progress=lambda d, total: done.append(d))
    timer.join()
    assert time.monotonic() - start < 10
    assert 0 < done[-1] < 5000  # stopped part way


def test_ctrl_c_stops_a_long_trial():
    network = sprout.Network()
    network.add_spike_source("in", 1000)
    network.add_lif("out", 1000)
    network.connect_random("in", "out", 0.2)
    t, neuron = sprout.poisson_trains([50.0] * 1000, 200_000.0)
    timer = interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        sprout.Simulation(network).run(200_000.0, {"in": (t, neuron)})
    timer.join()
    assert time.monotonic() - start < 10


def test_ctrl_c_stops_training(data_dir):
    data = sprout.load_mnist(data_dir)
    run = sprout.TrainingRun({"network": {"hidden": 200}, "epochs": 3, "threads": 2}, data)
    timer = interrupt_after(1.0)
    with pytest.raises(KeyboardInterrupt):
        run.run()
    timer.join()


def test_an_exception_in_progress_stops_the_call(test_images):
    network = sprout.feedforward_network(hidden=100)

    def progress(done, total):
        raise RuntimeError(f"stop at {done}")

    with pytest.raises(RuntimeError, match="stop at"):
        sprout.present_images(network, test_images, 0, 500, progress=progress)


def test_the_gil_is_released(test_images):
    network = sprout.feedforward_network(hidden=300)
    ticks = []
    worker = threading.Thread(
        target=lambda: sprout.present_images(network, test_images, 0, 200, threads=1))
    worker.start()
    while worker.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.01)
    worker.join()
    assert len(ticks) > 10  # this thread ran while the simulation did
