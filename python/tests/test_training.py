"""A training run from Python equals the command line's: the same network.bin, byte for
byte, and the same results."""

import json
import subprocess

import pytest

import sprout


@pytest.fixture(scope="module")
def config_file(tmp_path_factory, source_dir):
    path = tmp_path_factory.mktemp("config") / "small.json"
    path.write_text(json.dumps({
        "extends": str(source_dir / "configs" / "mnist_structural_h400.json"),
        "network": {"hidden": 60},
        "epochs": 2,
        "train_limit": 400,
        "test_limit": 150,
        "threads": 2,
    }))
    return path


def test_python_run_equals_cli(cli, data_dir, config_file, tmp_path):
    out = tmp_path / "cli"
    subprocess.run([cli, "train", "--config", str(config_file), "--data-dir", data_dir,
                    "--out", str(out)], check=True, capture_output=True)
    cli_results = json.loads((out / "results.json").read_text())

    config = sprout.structural_config(config_file)
    data = sprout.load_mnist(data_dir, config["data"]["classes"])
    run = sprout.TrainingRun(config_file, data, data_dir=data_dir)
    events = []
    run.run(progress=lambda event: events.append(event["event"]))
    assert events.count("epoch") == 2 and "progress" in events
    results = run.finish()
    run.learner.save(tmp_path / "network.bin")
    assert (tmp_path / "network.bin").read_bytes() == (out / "network.bin").read_bytes()

    assert results["schema"] == cli_results["schema"] == "sprout.train/1"
    assert results["provenance"]["config"] == cli_results["provenance"]["config"]
    for mine, theirs in zip(results["epochs"], cli_results["epochs"]):
        assert mine["test_accuracy"] == theirs["test_accuracy"]
        assert mine["synapses"] == theirs["synapses"]
    assert results["final"]["test_accuracy"] == cli_results["final"]["test_accuracy"]
    assert results["measures"] == cli_results["measures"]


def test_learner_save_load_and_evaluate(data_dir, tmp_path):
    data = sprout.load_mnist(data_dir, [1, 2, 6])
    learner = sprout.StructuralLearner({"network": {"hidden": 40}, "data": {"classes": [1, 2, 6]},
                                        "threads": 2})
    stats = learner.train_batch(data.train, list(range(64)), 0)
    assert stats["samples"] == 64 and stats["synaptic_events"] > 0
    before = learner.evaluate(data.test, 50)
    assert before["predictions"].shape == (50,) and before["hidden_counts"].shape == (50, 40)
    learner.save(tmp_path / "net.bin")
    loaded = sprout.StructuralLearner.load(tmp_path / "net.bin")
    after = loaded.evaluate(data.test, 50)
    assert after["accuracy"] == before["accuracy"]
    assert (after["hidden_counts"] == before["hidden_counts"]).all()
    assert loaded.config["data"]["classes"] == [1, 2, 6]
