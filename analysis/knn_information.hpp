#pragma once
// Mutual information of continuous codes by k-nearest neighbours (docs/metrics.md,
// "Continuous codes"). Brute force O(N^2 d): fine for N <= 10,000; parallel over samples,
// summed in sample order so the result does not depend on the thread count.

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <span>

#include "analysis/sample_matrix.hpp"

namespace sprout::analysis {

struct KnnEstimate {
  double bits = 0;
  std::size_t k = 0;
  std::size_t samples = 0;  // samples that entered the average
  // Samples whose k-th neighbour sits at distance 0 (duplicated points): the estimator
  // assumes continuous data, so a large count means its value is not to be trusted.
  std::size_t zero_distance_samples = 0;
};

// KSG estimator 1 (Kraskov, Stoegbauer, Grassberger 2004, Phys. Rev. E 69:066138, eq. 8),
// max-norm in each space: I = psi(k) + psi(N) - < psi(n_x + 1) + psi(n_y + 1) >.
// x and y must have the same number of samples; throws std::invalid_argument otherwise or
// when N <= k.
[[nodiscard]] KnnEstimate ksg_mutual_information(const SampleMatrix& x, const SampleMatrix& y,
                                                 std::size_t k = 3);

// I(continuous code; discrete label) by Ross 2014 (PLoS ONE 9:e87357, eq. 2), the KSG idea
// for one discrete variable: I = psi(N) - <psi(N_label)> + psi(k) - <psi(m)>. Samples whose
// label occurs once are left out (as in scikit-learn); k is cut to N_label - 1 for rare labels.
[[nodiscard]] KnnEstimate knn_label_information(const SampleMatrix& x, std::span<const int> labels,
                                                std::size_t k = 3);

void to_json(nlohmann::json& out, const KnnEstimate& estimate);

}  // namespace sprout::analysis
