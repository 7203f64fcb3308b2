"""The information metrics, the energy accounting and the BP reference, as dicts of their
results files."""

import json
import math
import subprocess

import numpy as np
import pytest

import sprout


def test_entropy_and_mutual_information():
    x = np.tile(np.arange(4), 250)
    h = sprout.entropy(x, replicates=0)
    assert h["plugin_bits"] == pytest.approx(2.0)
    i = sprout.mutual_information(x, x, replicates=50)
    assert i["plugin_bits"] == pytest.approx(2.0)
    # A uniform sample is at the maximum: no bootstrap resample has more information, so
    # the percentile interval lies at or below the estimate.
    assert i["ci_low_bits"] <= i["ci_high_bits"] <= i["bits"]
    assert i["bits"] == pytest.approx(2.0, abs=0.01)
    independent = sprout.mutual_information(x, np.repeat(np.arange(2), 500), replicates=0)
    assert independent["plugin_bits"] == pytest.approx(0.0, abs=1e-9)


def test_hidden_code_information():
    labels = np.repeat(np.arange(2), 200)
    codes = np.stack([labels * 3.0, np.zeros(400)], axis=1).astype(np.float32)
    info = sprout.hidden_code_information(codes, labels, bins=4, replicates=0)
    assert info["units"] == 2 and info["samples"] == 400
    assert info["max_unit_bits"] == pytest.approx(1.0, abs=0.01)
    with pytest.raises(ValueError, match="binning"):
        sprout.hidden_code_information(codes, labels, binning="bad")


def test_energy_and_macs():
    report = sprout.energy_report("structural", "accumulate", [("input_hidden", 1000.0)])
    assert report["native_pj_per_image"] == pytest.approx(900.0)
    assert report["at_mac_cost_pj_per_image"] == pytest.approx(4600.0)
    macs = sprout.count_layer_macs(np.array([[1, 0], [2, 3]], np.float32),
                                   np.array([[1, 0], [1, 1]], np.float32))
    assert macs == {"dense": 4.0, "nonzero_weights": 3.0, "active": 2.5}
    capacity = sprout.paper_capacity(10.0, 100)
    assert capacity["c_s_paper"] == pytest.approx(0.1)


def test_bp_matches_cli(cli, data_dir, tmp_path):
    config = {"hidden": 32, "epochs": 1, "train_limit": 2000, "test_limit": 500, "threads": 2}
    path = tmp_path / "bp.json"
    path.write_text(json.dumps(config))
    subprocess.run([cli, "bp", "--config", str(path), "--data-dir", data_dir, "--out",
                    str(tmp_path / "cli")], check=True, capture_output=True)
    cli_results = json.loads((tmp_path / "cli" / "results.json").read_text())
    seen = []
    results, layers = sprout.run_bp(path, data_dir, weights_file=tmp_path / "weights.bin",
                                    progress=lambda done, total: seen.append(done))
    assert results["schema"] == "sprout.bp/1" and seen
    assert results["provenance"]["config"] == cli_results["provenance"]["config"]
    assert results["test_accuracy"] == cli_results["test_accuracy"]
    assert (tmp_path / "weights.bin").read_bytes() == (tmp_path / "cli" / "weights.bin").read_bytes()
    assert layers[0]["weights"].shape == (32, 784) and layers[1]["bias"].shape == (10,)
    assert not math.isnan(results["test_accuracy"])
