"""Sprout from Python: exact event-driven spiking simulation, learning by structural
plasticity, the BP reference and the information and energy metrics.

The work runs in Sprout's C++ libraries (the compiled module ``sprout._sprout``); arrays
come back as NumPy arrays and results as the dicts of their JSON files. docs/python.md
in the repository describes the API; help(sprout.Simulation) and the others document
each part.
"""

# NumPy is imported here, with the module, rather than by the first call that returns an
# array (which would then take the import's time).
import numpy as _numpy  # noqa: F401

from ._sprout import (
    __version__,
    build_target,
    git_revision,
    ConfigError,
    DataError,
    Images,
    Mnist,
    Network,
    Simulation,
    StructuralLearner,
    TrainingRun,
    bp_config,
    count_layer_macs,
    encode,
    energy_report,
    entropy,
    feedforward_network,
    hidden_code_information,
    load_mnist,
    load_mnist_split,
    mutual_information,
    paper_capacity,
    poisson_trains,
    present_images,
    read_idx,
    run_bp,
    storage_cost,
    structural_config,
    synaptic_capacity,
    variational_information,
    write_idx,
)

__all__ = [
    "__version__",
    "build_target",
    "git_revision",
    "ConfigError",
    "DataError",
    "Images",
    "Mnist",
    "Network",
    "Simulation",
    "StructuralLearner",
    "TrainingRun",
    "bp_config",
    "count_layer_macs",
    "encode",
    "energy_report",
    "entropy",
    "feedforward_network",
    "hidden_code_information",
    "load_mnist",
    "load_mnist_split",
    "mutual_information",
    "paper_capacity",
    "poisson_trains",
    "present_images",
    "read_idx",
    "run_bp",
    "storage_cost",
    "structural_config",
    "synaptic_capacity",
    "variational_information",
    "write_idx",
]
