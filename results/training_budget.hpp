#pragma once
// The synapse budget a structural training run sets for BP (`sprout bp --budget-from`).
// Apart from results/train_results.hpp so that BP code can use it without the structural
// model's types.

#include <cstddef>
#include <filesystem>

namespace sprout::results {

// The realised input->hidden synapses after the last epoch of the training run whose
// results file is `path`. Throws one line naming the file and the key when it is not
// such a file or the count is 0.
[[nodiscard]] std::size_t realised_synapses_after_training(const std::filesystem::path& path);

}  // namespace sprout::results
