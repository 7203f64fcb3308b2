#include "io/data_settings.hpp"

#include <string>
#include <vector>

namespace sprout::io {

void read_data_settings(ObjectReader& top, DataSettings& out) {
  auto data = top.object("data");
  if (!data) return;
  std::vector<std::size_t> classes;
  // Any non-negative integer passes here, so that a label such as 12 is named as unknown.
  data->integer_list("classes", classes, 0, 1U << 30U);
  if (data->has("classes")) {
    if (const std::string problem = encoders::class_list_problem(classes); !problem.empty())
      data->fail("classes", problem);
    out.classes.assign(classes.begin(), classes.end());
  }
  data->finish();
}

nlohmann::json to_json(const DataSettings& data) {
  return {{"classes", data.classes}};
}

}  // namespace sprout::io
