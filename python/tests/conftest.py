"""Shared fixtures: the `sprout` program to compare against, MNIST, the source tree."""

import os
import pathlib
import subprocess

import pytest

import sprout


@pytest.fixture(scope="session")
def cli() -> str:
    """The `sprout` program of the same build (SPROUT_CLI)."""
    path = os.environ.get("SPROUT_CLI", "")
    if not path:
        pytest.skip("SPROUT_CLI is not set (run through ctest)")
    return path


@pytest.fixture(scope="session")
def data_dir() -> str:
    return os.environ.get("SPROUT_DATA_DIR", "data/mnist")


@pytest.fixture(scope="session")
def source_dir() -> pathlib.Path:
    return pathlib.Path(os.environ.get("SPROUT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))


@pytest.fixture(scope="session")
def test_images(data_dir) -> sprout.Images:
    return sprout.load_mnist_split(data_dir, "test")


def cli_error(cli: str, *arguments: str) -> str:
    """The one-line message of a command that fails: its stderr without "sprout: error: "."""
    result = subprocess.run([cli, *arguments], capture_output=True, text=True)
    assert result.returncode != 0, result.stdout
    line = result.stderr.strip()
    assert line.startswith("sprout: error: "), line
    return line.removeprefix("sprout: error: ")
