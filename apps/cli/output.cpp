#include "output.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/error.hpp"
#include "io/writers.hpp"

namespace agglo::cli {

namespace fs = std::filesystem;

bool is_output_format(const std::string& format) {
  return std::find(kOutputFormats.begin(), kOutputFormats.end(), format) != kOutputFormats.end();
}

void OutputFlags::add_to(CLI::App* sub) {
  auto* g = sub->add_option_group("output");
  g->add_option("--format", format, "csv (default), json, xlsx or table")
      ->check(CLI::IsMember(kOutputFormats));
  g->add_option("--output,-o", output, "write to this file instead of standard output");
  g->add_option("--output-dir", output_dir,
                "write one <output>.<format> file per output into this folder");
}

static std::string extension(const std::string& format) {
  return format == "table" ? "txt" : format;
}

static void write_one(const std::string& format, const Table& t, std::ostream& out) {
  if (format == "json")
    write_json_table(t, out);
  else if (format == "table")
    write_aligned(t, out);
  else
    write_csv(t, out);
}

void OutputFlags::emit(const Results& results) const {
  for (const auto& w : results.warnings) std::cerr << "agglo: warning: " << w << "\n";
  if (format == "xlsx") {
    std::string path = output;
    if (path.empty() && !output_dir.empty())
      path = (fs::path(output_dir) / "results.xlsx").string();
    if (path.empty()) throw UsageError("--format xlsx needs --output FILE.xlsx");
    if (!output_dir.empty()) fs::create_directories(output_dir);
    write_xlsx(results.outputs, path);
    std::cerr << "wrote " << path << "\n";
    return;
  }
  if (!output_dir.empty()) {
    fs::create_directories(output_dir);
    for (const auto& [name, t] : results.outputs) {
      const auto path = fs::path(output_dir) / (name + "." + extension(format));
      std::ofstream f(path, std::ios::binary);
      if (!f) throw Error(SourcePos{path.string(), 0, 0}, "cannot write file");
      write_one(format, t, f);
    }
    std::cerr << "wrote " << results.outputs.size() << " file(s) to " << output_dir << "\n";
    return;
  }
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) throw Error(SourcePos{output, 0, 0}, "cannot write file");
  }
  std::ostream& out = output.empty() ? std::cout : file;
  if (format == "json" && results.outputs.size() > 1) {
    write_json(results.outputs, out);
    return;
  }
  bool first = true;
  for (const auto& [name, t] : results.outputs) {
    if (results.outputs.size() > 1) out << (first ? "" : "\n") << "# " << name << "\n";
    write_one(format, t, out);
    first = false;
  }
}

}  // namespace agglo::cli
