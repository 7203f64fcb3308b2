// Data: IDX files, MNIST, labelled image sets and class subsets.

#include <fmt/format.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <stdexcept>
#include <string>

#include "array_views.hpp"
#include "bindings.hpp"
#include "encoders/class_subset.hpp"
#include "encoders/idx_file.hpp"
#include "encoders/mnist.hpp"

namespace sprout::python {
namespace {

using encoders::LabelledImages;
using encoders::Mnist;

encoders::MnistSplit parse_split(const std::string& split) {
  if (split == "train") return encoders::MnistSplit::kTrain;
  if (split == "test") return encoders::MnistSplit::kTest;
  throw std::invalid_argument(fmt::format("split: '{}' is not 'train' or 'test'", split));
}

LabelledImages images_from_arrays(const ArrayArg<std::uint8_t>& pixels,
                                  const ArrayArg<std::uint8_t>& labels) {
  require_dimensions(pixels, 3, "pixels");
  require_dimensions(labels, 1, "labels");
  LabelledImages images;
  images.count = static_cast<std::size_t>(pixels.shape(0));
  images.rows = static_cast<std::size_t>(pixels.shape(1));
  images.cols = static_cast<std::size_t>(pixels.shape(2));
  if (static_cast<std::size_t>(labels.shape(0)) != images.count) {
    throw std::invalid_argument(
        fmt::format("labels: {} labels for {} images", labels.shape(0), images.count));
  }
  const auto given_pixels = span_of(pixels);
  const auto given_labels = span_of(labels);
  images.pixels.assign(given_pixels.begin(), given_pixels.end());
  images.labels.assign(given_labels.begin(), given_labels.end());
  for (std::uint8_t label : images.labels) {
    if (label >= encoders::kMnistClasses) {
      throw std::invalid_argument(fmt::format("labels: {} is not a label 0-9", label));
    }
  }
  return images;
}

}  // namespace

encoders::ClassList class_list(const std::optional<std::vector<std::size_t>>& classes) {
  if (!classes) return encoders::all_classes();
  if (const std::string problem = encoders::class_list_problem(*classes); !problem.empty())
    throw std::invalid_argument("classes: " + problem);
  return {classes->begin(), classes->end()};
}

void bind_data(py::module_& m) {
  py::class_<LabelledImages>(m, "Images", R"(Labelled grey images (uint8 pixels, labels 0-9).

pixels and labels are read-only views of the images' own storage (no copy).
Images(pixels, labels) copies arrays of shape (count, rows, cols) and (count,).)")
      .def(py::init(&images_from_arrays), py::arg("pixels"), py::arg("labels"))
      .def_readonly("count", &LabelledImages::count)
      .def_readonly("rows", &LabelledImages::rows)
      .def_readonly("cols", &LabelledImages::cols)
      .def("__len__", [](const LabelledImages& images) { return images.count; })
      .def_property_readonly(
          "pixels",
          [](py::object self) {
            const auto& images = self.cast<const LabelledImages&>();
            return view(
                std::span<const std::uint8_t>(images.pixels), self,
                {static_cast<py::ssize_t>(images.count), static_cast<py::ssize_t>(images.rows),
                 static_cast<py::ssize_t>(images.cols)});
          },
          "uint8 array (count, rows, cols), a read-only view")
      .def_property_readonly(
          "labels",
          [](py::object self) {
            return view(std::span<const std::uint8_t>(self.cast<const LabelledImages&>().labels),
                        self);
          },
          "uint8 array (count,), a read-only view")
      .def("class_counts", &LabelledImages::class_counts, "Images per label 0-9.")
      .def("slice", &LabelledImages::slice, py::arg("first"), py::arg("count"),
           "A copy of images [first, first + count).")
      .def(
          "select_classes",
          [](const LabelledImages& images, const std::vector<std::size_t>& classes) {
            const encoders::ClassList kept = class_list(classes);
            return encoders::filter_classes(images, kept, "images");
          },
          py::arg("classes"),
          "The images of these labels, in their order, label classes[k] becoming k.")
      .def("__repr__", [](const LabelledImages& images) {
        return fmt::format("<sprout.Images {} x {}x{}>", images.count, images.rows, images.cols);
      });

  py::class_<Mnist>(m, "Mnist", "The MNIST training and test sets.")
      .def_readonly("train", &Mnist::train)
      .def_readonly("test", &Mnist::test);

  m.def(
      "load_mnist",
      [](const std::filesystem::path& folder,
         const std::optional<std::vector<std::size_t>>& classes) {
        const encoders::ClassList kept = class_list(classes);
        py::gil_scoped_release release;
        return encoders::load_mnist(folder, kept);
      },
      py::arg("folder"), py::arg("classes") = py::none(),
      R"(Loads the four MNIST files (IDX, plain or .gz) of `folder`.

classes: None for all ten digits, or a list such as [1, 2, 6]: only those images, label
classes[k] becoming k. Raises DataError naming a missing or malformed file.)");
  m.def(
      "load_mnist_split",
      [](const std::filesystem::path& folder, const std::string& split,
         const std::optional<std::vector<std::size_t>>& classes) {
        const encoders::ClassList kept = class_list(classes);
        const encoders::MnistSplit which = parse_split(split);
        py::gil_scoped_release release;
        return encoders::load_mnist_split(folder, which, kept);
      },
      py::arg("folder"), py::arg("split") = "test", py::arg("classes") = py::none(),
      "One MNIST set, 'train' or 'test' (see load_mnist).");
  m.def(
      "read_idx",
      [](const std::filesystem::path& path) {
        encoders::IdxArray array = encoders::read_idx(path);
        std::vector<py::ssize_t> shape(array.dims.begin(), array.dims.end());
        return take(std::move(array.values), std::move(shape));
      },
      py::arg("path"), "An unsigned-byte IDX file (plain or .gz) as a uint8 array.");
  m.def(
      "write_idx",
      [](const std::filesystem::path& path, const ArrayArg<std::uint8_t>& values) {
        std::vector<std::uint32_t> dims;
        for (py::ssize_t d = 0; d < values.ndim(); ++d)
          dims.push_back(static_cast<std::uint32_t>(values.shape(d)));
        encoders::write_idx(path, dims, span_of(values));
      },
      py::arg("path"), py::arg("values"), "Writes a uint8 array as an IDX file.");
}

}  // namespace sprout::python
