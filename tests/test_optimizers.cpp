// SGD with momentum and Adam against steps computed by hand from PyTorch's documented
// update rules.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "models/bp/optimizers.hpp"

using sprout::models::Optimizer;
using sprout::models::OptimizerKind;
using sprout::models::OptimizerSettings;

namespace {

void step(Optimizer& optimizer, std::vector<float>& values, const std::vector<float>& gradient) {
  optimizer.begin_step();
  optimizer.update(0, 0, values, gradient);
}

}  // namespace

TEST_CASE("SGD with momentum: v = mu*v + g, w -= lr*v", "[bp][optimizer]") {
  OptimizerSettings settings;
  settings.kind = OptimizerKind::kSgdMomentum;
  settings.learning_rate = 0.1F;
  settings.momentum = 0.9F;
  const std::vector<std::size_t> sizes{2};
  Optimizer optimizer(settings, sizes);
  std::vector<float> w{1.0F, -2.0F};
  step(optimizer, w, {1.0F, 0.5F});  // v = (1, 0.5)
  CHECK(w[0] == Approx(0.9));
  CHECK(w[1] == Approx(-2.05));
  step(optimizer, w, {1.0F, -1.0F});  // v = (1.9, -0.55)
  CHECK(w[0] == Approx(0.9 - 0.19));
  CHECK(w[1] == Approx(-2.05 + 0.055));
}

TEST_CASE("Adam: bias-corrected moments, step lr*m^/(sqrt(v^)+eps)", "[bp][optimizer]") {
  OptimizerSettings settings;  // Adam 1e-3, betas (0.9, 0.999), eps 1e-8
  settings.learning_rate = 0.01F;
  const std::vector<std::size_t> sizes{1};
  Optimizer optimizer(settings, sizes);
  std::vector<float> w{0.0F};
  // Step 1, g = 2: m^ = 2, v^ = 4, so the step is lr * 2 / (2 + eps) = lr.
  step(optimizer, w, {2.0F});
  CHECK(w[0] == Approx(-0.01).epsilon(1e-5));
  // Step 2, g = -1: m = 0.9*0.2 - 0.1 = 0.08, v = 0.999*0.004 + 0.001 = 0.004996.
  const double m_hat = 0.08 / (1.0 - 0.9 * 0.9);
  const double v_hat = 0.004996 / (1.0 - 0.999 * 0.999);
  step(optimizer, w, {-1.0F});
  CHECK(w[0] == Approx(-0.01 - 0.01 * m_hat / (std::sqrt(v_hat) + 1e-8)).epsilon(1e-5));
  CHECK(optimizer.steps() == 2);
}

TEST_CASE("Adam minimises a quadratic", "[bp][optimizer]") {
  OptimizerSettings settings;
  settings.learning_rate = 0.05F;
  const std::vector<std::size_t> sizes{1};
  Optimizer optimizer(settings, sizes);
  std::vector<float> w{0.0F};
  for (int i = 0; i < 2000; ++i)
    step(optimizer, w, {2.0F * (w[0] - 3.0F)});
  CHECK(w[0] == Approx(3.0).margin(1e-2));
}

TEST_CASE("Optimizer slices update like the whole parameter", "[bp][optimizer]") {
  for (const OptimizerKind kind : {OptimizerKind::kAdam, OptimizerKind::kSgdMomentum}) {
    OptimizerSettings settings;
    settings.kind = kind;
    const std::vector<std::size_t> sizes{4};
    Optimizer whole(settings, sizes);
    Optimizer sliced(settings, sizes);
    std::vector<float> a{1.0F, 2.0F, 3.0F, 4.0F};
    std::vector<float> b = a;
    const std::vector<float> gradient{0.5F, -1.0F, 2.0F, 0.0F};
    for (int i = 0; i < 3; ++i) {
      whole.begin_step();
      whole.update(0, 0, a, gradient);
      sliced.begin_step();
      sliced.update(0, 2, std::span(b).subspan(2), std::span(gradient).subspan(2));
      sliced.update(0, 0, std::span(b).first(2), std::span(gradient).first(2));
    }
    CHECK(a == b);
    CHECK(a[3] == 4.0F);  // zero gradient and zero state: the weight does not move
  }
}

TEST_CASE("Optimizer rejects a slice that does not fit", "[bp][optimizer]") {
  const std::vector<std::size_t> sizes{3};
  Optimizer optimizer(OptimizerSettings{}, sizes);
  std::vector<float> values(2, 0.0F);
  const std::vector<float> gradient(2, 0.0F);
  optimizer.begin_step();
  CHECK_THROWS_AS(optimizer.update(0, 2, values, gradient), std::invalid_argument);
}
