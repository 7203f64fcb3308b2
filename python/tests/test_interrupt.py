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
    # Neurons that fire by themselves (v_rest above the threshold, about 90 Hz) into an
    # all-to-all projection of weight 0 (each spike still 1000 SynOps): about 1e8 SynOps per
    # simulated second, so 200 s would take minutes, and there are no inputs to set up.
    network = sprout.Network()
    network.add_lif("out", 1000, tau_m_ms=10.0, v_rest=1.5, refractory_ms=0.0)
    network.connect_all_to_all("out", "out", 0.0)
    timer = interrupt_after(0.5)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        sprout.Simulation(network).run(200_000.0, max_spikes=0)
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
        target=lambda: sprout.present_images(network, test_images, 0, 2000, threads=1))
    worker.start()
    while worker.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.01)
    worker.join()
    assert len(ticks) > 10  # this thread ran while the simulation did
