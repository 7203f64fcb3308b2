"""Type stubs of the compiled module sprout._sprout (python/src/*.cpp)."""

import os
from typing import Any, Callable, Sequence

import numpy as np
import numpy.typing as npt

__version__: str
git_revision: str
build_target: str

ConfigSource = dict[str, Any] | str | os.PathLike[str] | None
Population = int | str
Projection = int | str
Progress = Callable[[int, int], object]

class DataError(RuntimeError):
    """A missing or malformed data file; the message names it."""

class ConfigError(ValueError):
    """A config value that fails a check: "<file or 'config'>: <key>: <problem>"."""

# --- data --------------------------------------------------------------------------

class Images:
    """Labelled grey images (uint8 pixels, labels 0-9)."""

    count: int
    rows: int
    cols: int
    def __init__(self, pixels: npt.ArrayLike, labels: npt.ArrayLike) -> None: ...
    def __len__(self) -> int: ...
    @property
    def pixels(self) -> npt.NDArray[np.uint8]:
        """(count, rows, cols), a read-only view."""
    @property
    def labels(self) -> npt.NDArray[np.uint8]:
        """(count,), a read-only view."""
    def class_counts(self) -> list[int]: ...
    def slice(self, first: int, count: int) -> Images: ...
    def select_classes(self, classes: Sequence[int]) -> Images: ...

class Mnist:
    @property
    def train(self) -> Images: ...
    @property
    def test(self) -> Images: ...

def load_mnist(folder: str | os.PathLike[str], classes: Sequence[int] | None = None) -> Mnist: ...
def load_mnist_split(
    folder: str | os.PathLike[str], split: str = "test", classes: Sequence[int] | None = None
) -> Images: ...
def read_idx(path: str | os.PathLike[str]) -> npt.NDArray[np.uint8]: ...
def write_idx(path: str | os.PathLike[str], values: npt.ArrayLike) -> None: ...

# --- encoders ----------------------------------------------------------------------

def encode(
    image: npt.ArrayLike,
    encoder: str = "poisson",
    *,
    max_rate_hz: float = 63.75,
    duration_ms: float = 350.0,
    latency_min_pixel: int = 1,
    seed: int = 1,
    sample: int = 0,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint32]]: ...
def poisson_trains(
    rates_hz: npt.ArrayLike, duration_ms: float, *, seed: int = 1, sample: int = 0
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint32]]: ...

# --- networks and simulation -------------------------------------------------------

class Network:
    """Populations of neurons and the projections between them."""

    def __init__(self) -> None: ...
    def add_spike_source(self, name: str, size: int) -> int: ...
    def add_lif(
        self,
        name: str,
        size: int,
        *,
        tau_m_ms: float = 20.0,
        v_rest: float = 0.0,
        v_reset: float = 0.0,
        v_threshold: float = 1.0,
        refractory_ms: float = 2.0,
        v_init_low: float = 0.0,
        v_init_high: float = 0.0,
    ) -> int: ...
    def connect(
        self,
        pre: Population,
        post: Population,
        pre_index: npt.ArrayLike,
        post_index: npt.ArrayLike,
        weight: npt.ArrayLike,
        delay_ms: float | npt.ArrayLike = 0.0,
        *,
        name: str = "",
    ) -> int: ...
    def connect_random(
        self,
        pre: Population,
        post: Population,
        p: float,
        *,
        weight_low: float = 0.0,
        weight_high: float = 0.1,
        delay_ms: float = 0.0,
        seed: int = 1,
        name: str = "",
    ) -> int: ...
    def connect_all_to_all(
        self,
        pre: Population,
        post: Population,
        weight: float,
        delay_ms: float = 0.0,
        *,
        self_connections: bool = False,
        shared_delivery: bool = False,
        name: str = "",
    ) -> int: ...
    def connect_one_to_one(
        self, pre: Population, post: Population, weight: float, delay_ms: float = 0.0, *, name: str = ""
    ) -> int: ...
    @property
    def populations(self) -> list[dict[str, Any]]: ...
    @property
    def projections(self) -> list[dict[str, Any]]: ...
    @property
    def neuron_count(self) -> int: ...
    def population(self, population: Population) -> int: ...
    def weights(self, projection: Projection) -> npt.NDArray[np.float32]:
        """A writable view of the projection's weights (no copy), synapses in row order."""
    def sources(self, projection: Projection) -> npt.NDArray[np.uint32]: ...
    def targets(self, projection: Projection) -> npt.NDArray[np.uint32]: ...
    def delays_ms(self, projection: Projection) -> npt.NDArray[np.float64]: ...
    def thresholds(self, population: Population) -> npt.NDArray[np.float64]: ...
    def set_thresholds(self, population: Population, thresholds: npt.ArrayLike) -> None: ...

class Simulation:
    """Trials of a network, simulated exactly from event to event."""

    def __init__(self, network: Network) -> None: ...
    @property
    def network(self) -> Network: ...
    def run(
        self,
        duration_ms: float,
        inputs: dict[Population, tuple[npt.ArrayLike, npt.ArrayLike]] | None = None,
        *,
        seed: int = 1,
        sample: int = 0,
        max_spikes: int = 1_000_000,
        membrane: tuple[Population, npt.ArrayLike] | None = None,
        membrane_interval_ms: float = 0.1,
        membrane_budget_mb: float = 256.0,
    ) -> dict[str, Any]:
        """spikes, counts, counters, dropped_spikes and (with membrane=) membrane."""

def feedforward_network(
    *,
    inputs: int = 784,
    hidden: int = 1000,
    connectivity: float = 0.2,
    weight_low: float = 0.0,
    weight_high: float = 0.1,
    input_delay_ms: float = 0.0,
    tau_m_ms: float = 20.0,
    v_rest: float = 0.0,
    v_reset: float = 0.0,
    v_threshold: float = 1.0,
    refractory_ms: float = 2.0,
    inhibition_weight: float = 0.0,
    inhibition_delay_ms: float = 0.5,
    shared_inhibition: bool = False,
    seed: int = 1,
) -> Network: ...
def present_images(
    network: Network,
    images: Images,
    first: int = 0,
    count: int | None = None,
    *,
    input: Population = "input",
    output: Population = "hidden",
    encoder: str = "poisson",
    max_rate_hz: float = 63.75,
    duration_ms: float = 350.0,
    latency_min_pixel: int = 1,
    seed: int = 1,
    threads: int = 1,
    raster_max_spikes: int = 0,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """images, hidden_counts (images, neurons), counters, raster."""

# --- structural plasticity ---------------------------------------------------------

def structural_config(config: ConfigSource = None) -> dict[str, Any]: ...

class StructuralLearner:
    def __init__(self, config: ConfigSource = None, inputs: int = 784) -> None: ...
    @staticmethod
    def load(path: str | os.PathLike[str]) -> StructuralLearner: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    @property
    def config(self) -> dict[str, Any]: ...
    def train_batch(
        self, images: Images, indices: npt.ArrayLike, first_sample_id: int
    ) -> dict[str, int]: ...
    def evaluate(
        self, images: Images, count: int | None = None, *, progress: Progress | None = None
    ) -> dict[str, Any]: ...
    def synapses(self) -> dict[str, Any]:
        """state, weight, trace, age (hidden x inputs, read-only views) and the counts."""
    @property
    def thresholds(self) -> npt.NDArray[np.float64]: ...
    @property
    def readout_weights(self) -> npt.NDArray[np.float32]: ...
    @property
    def readout_biases(self) -> npt.NDArray[np.float32]: ...
    @property
    def network_revision(self) -> int: ...
    @property
    def features_frozen(self) -> bool: ...
    def set_epoch(self, epoch: int) -> None: ...
    def set_threads(self, threads: int) -> None: ...

class TrainingRun:
    def __init__(self, config: ConfigSource, data: Mnist, *, data_dir: str = "") -> None: ...
    @staticmethod
    def resume(
        checkpoint: str | os.PathLike[str],
        data: Mnist,
        *,
        epochs: int | None = None,
        threads: int | None = None,
        data_dir: str = "",
    ) -> TrainingRun: ...
    def run(
        self,
        progress: Callable[[dict[str, Any]], object] | None = None,
        checkpoint: str | os.PathLike[str] | None = None,
    ) -> None: ...
    def finish(
        self,
        measures_train_limit: int | None = None,
        *,
        progress: Callable[[dict[str, Any]], object] | None = None,
    ) -> dict[str, Any]: ...
    def results(self) -> dict[str, Any]: ...
    @property
    def learner(self) -> StructuralLearner: ...
    @property
    def config(self) -> dict[str, Any]: ...
    @property
    def epochs(self) -> list[dict[str, Any]]: ...
    @property
    def split(self) -> dict[str, int]: ...

# --- the BP reference --------------------------------------------------------------

def bp_config(config: ConfigSource = None) -> dict[str, Any]: ...
def run_bp(
    config: ConfigSource,
    data_dir: str | os.PathLike[str],
    *,
    weights_file: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, Any], list[dict[str, npt.NDArray[np.float32]]]]: ...

# --- metrics -----------------------------------------------------------------------

def entropy(
    x: npt.ArrayLike, *, replicates: int = 200, confidence: float = 0.95, seed: int = 1
) -> dict[str, Any]: ...
def mutual_information(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    replicates: int = 200,
    confidence: float = 0.95,
    seed: int = 1,
) -> dict[str, Any]: ...
def hidden_code_information(
    codes: npt.ArrayLike,
    labels: npt.ArrayLike,
    *,
    bins: int = 4,
    binning: str = "equal_width",
    replicates: int = 200,
    confidence: float = 0.95,
    seed: int = 1,
) -> dict[str, Any]: ...
def variational_information(
    train_codes: npt.ArrayLike,
    train_labels: npt.ArrayLike,
    test_codes: npt.ArrayLike,
    test_labels: npt.ArrayLike,
    classes: int,
    *,
    z_dimension: int = 8,
    beta: float = 0.1,
    encoder_hidden: int = 64,
    epochs: int = 100,
    batch_size: int = 100,
    learning_rate: float = 1e-3,
    standardise: bool = True,
    seed: int = 1,
) -> dict[str, Any]: ...
def paper_capacity(i_xz_bits: float, nonsilent_input_synapses: int) -> dict[str, Any]: ...
def synaptic_capacity(
    prediction_information_bits: float,
    label_entropy_bits: float,
    training_samples: int,
    nonzero_synapses: int,
) -> dict[str, Any]: ...
def storage_cost(
    realised_weights: npt.ArrayLike, potential_synapses: int, weight_levels: int = 256
) -> dict[str, Any]: ...
def energy_report(
    network: str,
    operation: str,
    layers: Sequence[tuple[str, float]],
    *,
    accumulate_pj: float = 0.9,
    multiply_accumulate_pj: float = 4.6,
) -> dict[str, Any]: ...
def count_layer_macs(weights: npt.ArrayLike, input_batch: npt.ArrayLike) -> dict[str, float]: ...
