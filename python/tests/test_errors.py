"""Bad arguments raise exceptions that carry the command line's one-line message."""

import json

import numpy as np
import pytest

import sprout
from conftest import cli_error


def test_bad_structural_config(cli, data_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"network": {"hidden": 0}}))
    message = cli_error(cli, "train", "--config", str(bad), "--data-dir", data_dir, "--out",
                        str(tmp_path / "run"))
    with pytest.raises(sprout.ConfigError) as caught:
        sprout.StructuralLearner(bad)
    assert str(caught.value) == message
    assert message.startswith(f"{bad}: network.hidden: ")
    with pytest.raises(sprout.ConfigError) as caught:
        sprout.structural_config({"network": {"hidden": 0}})
    assert str(caught.value) == message.replace(str(bad), "config")


def test_unknown_key(cli, data_dir, tmp_path):
    bad = tmp_path / "typo.json"
    bad.write_text(json.dumps({"epochz": 3}))
    message = cli_error(cli, "train", "--config", str(bad), "--data-dir", data_dir, "--out",
                        str(tmp_path / "run"))
    with pytest.raises(Exception) as caught:
        sprout.structural_config(bad)
    assert str(caught.value) == message


def test_bad_bp_config(cli, data_dir, tmp_path):
    bad = tmp_path / "bp.json"
    bad.write_text(json.dumps({"variant": "sparse"}))
    message = cli_error(cli, "bp", "--config", str(bad), "--data-dir", data_dir, "--out",
                        str(tmp_path / "bp"))
    with pytest.raises(Exception) as caught:
        sprout.run_bp(bad, data_dir)
    assert str(caught.value) == message


def test_missing_data(cli, tmp_path):
    missing = str(tmp_path / "nowhere")
    message = cli_error(cli, "data", "check", "--data-dir", missing)
    with pytest.raises(sprout.DataError) as caught:
        sprout.load_mnist(missing)
    assert str(caught.value) == message


def test_missing_network_file(cli, data_dir, tmp_path):
    missing = str(tmp_path / "none.bin")
    message = cli_error(cli, "eval", "--network", missing, "--data-dir", data_dir, "--out",
                        str(tmp_path / "eval.json"))
    with pytest.raises(Exception) as caught:
        sprout.StructuralLearner.load(missing)
    assert str(caught.value) == message


def test_engine_checks():
    network = sprout.Network()
    network.add_spike_source("in", 3)
    network.add_lif("out", 2)
    with pytest.raises(ValueError, match="no population named 'middle'"):
        network.connect("in", "middle", [0], [0], [0.1])
    with pytest.raises(ValueError, match="outside 3x2"):
        network.connect("in", "out", [5], [0], [0.1])
    with pytest.raises(ValueError, match="not a spike source"):
        sprout.Simulation(network).run(10.0, {"out": ([1.0], [0])})
    with pytest.raises(ValueError, match="tau_m_ms|refractory|threshold"):
        network.add_lif("bad", 2, refractory_ms=-1.0)
    with pytest.raises(ValueError, match="classes: "):
        sprout.load_mnist("data", [1, 1])
    with pytest.raises(ValueError, match="encoder 'morse' is unknown"):
        sprout.encode(np.zeros(4, np.uint8), "morse")
