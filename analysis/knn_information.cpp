#include "analysis/knn_information.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace sprout::analysis {
namespace {

// psi(n) for n = 0..max (index 0 unused): psi(1) = -gamma, psi(n + 1) = psi(n) + 1/n.
std::vector<double> digamma_table(std::size_t max) {
  std::vector<double> psi(max + 1, 0.0);
  if (max >= 1) psi[1] = -0.57721566490153286061;
  for (std::size_t n = 1; n < max; ++n)
    psi[n + 1] = psi[n] + 1.0 / static_cast<double>(n);
  return psi;
}

// Max-norm distance of row i to every row of `points` (raw pointers: this is the hot loop).
void max_norm_distances(const SampleMatrix& points, std::size_t i, std::vector<float>& out) {
  const std::size_t d = points.features;
  const float* base = points.values.data();
  const float* from = base + i * d;
  for (std::size_t j = 0; j < points.samples; ++j) {
    const float* to = base + j * d;
    float distance = 0;
    for (std::size_t f = 0; f < d; ++f)
      distance = std::max(distance, std::abs(from[f] - to[f]));
    out[j] = distance;
  }
}

double mean_in_order(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace

KnnEstimate ksg_mutual_information(const SampleMatrix& x, const SampleMatrix& y, std::size_t k) {
  const std::size_t n = x.samples;
  if (y.samples != n) throw std::invalid_argument("KSG: x and y differ in sample count");
  if (k == 0 || n <= k) throw std::invalid_argument("KSG: needs more samples than k >= 1");
  const std::vector<double> psi = digamma_table(n + 1);

  std::vector<double> terms(n);
  std::vector<char> zero_distance(n, 0);
  const auto count = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel
  {
    std::vector<float> dx(n), dy(n), joint;
    joint.reserve(n);
#pragma omp for schedule(dynamic, 16)
    for (std::ptrdiff_t signed_i = 0; signed_i < count; ++signed_i) {
      const auto i = static_cast<std::size_t>(signed_i);
      max_norm_distances(x, i, dx);
      max_norm_distances(y, i, dy);
      joint.clear();
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i) joint.push_back(std::max(dx[j], dy[j]));
      }
      std::nth_element(joint.begin(), joint.begin() + static_cast<std::ptrdiff_t>(k - 1),
                       joint.end());
      const float epsilon = joint[k - 1];  // distance to the k-th neighbour in (x, y)
      std::size_t nx = 0, ny = 0;          // strictly closer in each marginal space
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        nx += dx[j] < epsilon ? 1 : 0;
        ny += dy[j] < epsilon ? 1 : 0;
      }
      terms[i] = psi[nx + 1] + psi[ny + 1];
      zero_distance[i] = epsilon == 0.0F ? 1 : 0;
    }
  }
  KnnEstimate estimate;
  estimate.k = k;
  estimate.samples = n;
  estimate.zero_distance_samples =
      static_cast<std::size_t>(std::count(zero_distance.begin(), zero_distance.end(), 1));
  const double nats = psi[k] + psi[n] - mean_in_order(terms);
  estimate.bits = nats / std::numbers::ln2;
  return estimate;
}

KnnEstimate knn_label_information(const SampleMatrix& x, std::span<const int> labels,
                                  std::size_t k) {
  const std::size_t n = x.samples;
  if (labels.size() != n)
    throw std::invalid_argument("kNN label MI: labels and x differ in length");
  if (k == 0) throw std::invalid_argument("kNN label MI: k must be >= 1");
  std::map<int, std::size_t> label_counts;
  for (const int label : labels)
    ++label_counts[label];
  std::vector<char> used(n);
  for (std::size_t i = 0; i < n; ++i)
    used[i] = label_counts[labels[i]] > 1 ? 1 : 0;
  const auto n_used = static_cast<std::size_t>(std::count(used.begin(), used.end(), 1));
  if (n_used == 0) throw std::invalid_argument("kNN label MI: every label occurs only once");
  const std::vector<double> psi = digamma_table(n + 1);

  std::vector<double> terms(n, 0.0);
  std::vector<char> zero_distance(n, 0);
  const auto count = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel
  {
    std::vector<float> distance(n), same_label;
    same_label.reserve(n);
#pragma omp for schedule(dynamic, 16)
    for (std::ptrdiff_t signed_i = 0; signed_i < count; ++signed_i) {
      const auto i = static_cast<std::size_t>(signed_i);
      if (used[i] == 0) continue;
      max_norm_distances(x, i, distance);
      same_label.clear();
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i && labels[j] == labels[i]) same_label.push_back(distance[j]);
      }
      const std::size_t k_i = std::min(k, same_label.size());
      std::nth_element(same_label.begin(),
                       same_label.begin() + static_cast<std::ptrdiff_t>(k_i - 1), same_label.end());
      const float radius = same_label[k_i - 1];
      // m: samples of any (used) label within the radius, the k-th neighbour included.
      std::size_t m = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i && used[j] != 0 && distance[j] <= radius) ++m;
      }
      const std::size_t n_label = label_counts.at(labels[i]);
      terms[i] = psi[k_i] - psi[n_label] - psi[m];
      zero_distance[i] = radius == 0.0F ? 1 : 0;
    }
  }
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i)
    sum += terms[i];  // unused samples hold 0
  KnnEstimate estimate;
  estimate.k = k;
  estimate.samples = n_used;
  estimate.zero_distance_samples =
      static_cast<std::size_t>(std::count(zero_distance.begin(), zero_distance.end(), 1));
  estimate.bits = (psi[n_used] + sum / static_cast<double>(n_used)) / std::numbers::ln2;
  return estimate;
}

void to_json(nlohmann::json& out, const KnnEstimate& estimate) {
  out = {{"bits", estimate.bits},
         {"k", estimate.k},
         {"samples", estimate.samples},
         {"zero_distance_samples", estimate.zero_distance_samples}};
}

}  // namespace sprout::analysis
