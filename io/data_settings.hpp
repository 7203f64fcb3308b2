#pragma once
// The "data" object of the structural and BP configs (docs/model.md, docs/bp.md):
//   "data": {"classes": [1, 2, 6]}
// the labels a run learns, in the order of its output units (default: all ten, 0-9).

#include <nlohmann/json.hpp>

#include "encoders/class_subset.hpp"
#include "io/config_reader.hpp"

namespace sprout::io {

struct DataSettings {
  encoders::ClassList classes = encoders::all_classes();
};

// Reads the optional "data" object of `top`; errors are "<source>: data.classes: <problem>".
void read_data_settings(ObjectReader& top, DataSettings& out);

[[nodiscard]] nlohmann::json to_json(const DataSettings& data);

}  // namespace sprout::io
