#include "families/input_output/mrio_inputs.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/input_output/io_inputs.hpp"

namespace agglo {

namespace {

// (region, second) of every code: from a listing table or by splitting at the first '_'.
std::pair<std::vector<std::string>, std::vector<std::string>> split_codes(
    const Invocation& inv, const std::string& role, const std::vector<std::string>& codes,
    const std::string& second_role) {
  std::vector<std::string> regions, seconds;
  if (inv.has_input(role)) {
    const TextTable& t = inv.table(role);
    const size_t c = t.column(inv.column("code")), r = t.column(inv.column("region"));
    const auto s = t.find_column(inv.column(second_role));
    std::map<std::string, size_t> row;
    for (size_t i = 0; i < t.rows(); ++i) row[t.text(i, c)] = i;
    for (const auto& code : codes) {
      auto it = row.find(code);
      if (it == row.end())
        throw Error(SourcePos{t.source, 0, 0}, "the code \"" + code + "\" is not listed");
      regions.push_back(t.text(it->second, r));
      seconds.push_back(s ? t.text(it->second, *s) : code);
    }
    return {regions, seconds};
  }
  for (const auto& code : codes) {
    const auto cut = code.find('_');
    if (cut == std::string::npos)
      throw UsageError(fmt::format("the code \"{}\" is not <region>_<{}>; give the input {}", code,
                                   second_role, role));
    regions.push_back(code.substr(0, cut));
    seconds.push_back(code.substr(cut + 1));
  }
  return {regions, seconds};
}

MrioExtensionRows read_extension(const Invocation& inv, const std::string& role,
                                 const std::vector<std::string>& codes) {
  const TextTable& t = inv.table(role);
  const std::set<std::string> code_set(codes.begin(), codes.end());
  std::vector<std::string> value_cols;
  for (const auto& h : t.header)
    if (code_set.count(h)) value_cols.push_back(h);
  const auto ext_col = t.find_column(inv.column("extension"));
  auto stressor_col = t.find_column(inv.column("stressor"));
  if (!stressor_col)
    for (size_t c = 0; c < t.cols(); ++c)
      if (!code_set.count(t.header[c]) && (!ext_col || c != *ext_col)) {
        stressor_col = c;
        break;
      }
  if (!stressor_col)
    throw Error(SourcePos{t.source, 1, 0}, "no stressor column (column role \"stressor\")");
  MrioExtensionRows e;
  LabeledMatrix m = read_labelled_matrix(t, t.header[*stressor_col], value_cols);
  e.values = cols_in_order(m, codes, t.source, false);
  for (size_t r = 0; r < t.rows(); ++r) {
    e.extension.push_back(ext_col ? t.text(r, *ext_col) : "ext");
    e.stressor.push_back(t.text(r, *stressor_col));
  }
  return e;
}

}  // namespace

MrioTable read_mrio_table(const Invocation& inv) {
  MrioTable t;
  const std::string code = inv.column("code");
  const LabeledMatrix z = read_labelled_matrix(inv.table("Z"), code);
  t.codes = z.row_labels;
  t.Z = cols_in_order(z, t.codes, inv.source("Z").describe() + " (columns of Z)");
  const LabeledMatrix y = read_labelled_matrix(inv.table("Y"), code);
  t.Y = rows_in_order(y, t.codes, inv.source("Y").describe());
  t.fd_codes = y.col_labels;
  const auto [ind_regions, ind_sectors] = split_codes(inv, "sectors", t.codes, "sector");
  const auto fd = split_codes(inv, "fd_categories", t.fd_codes, "category");
  t.layout = make_mrio_layout(ind_regions, ind_sectors, fd.first);
  if (inv.has_input("F")) t.F = read_extension(inv, "F", t.codes);
  if (inv.has_input("F_Y")) t.F_Y = read_extension(inv, "F_Y", t.fd_codes);
  if (inv.has_input("population")) {
    const TextTable& p = inv.table("population");
    const size_t rc = p.column(inv.column("region")), pc = p.column(inv.column("population"));
    t.population = Eigen::VectorXd::Constant(t.layout.n_regions(), NA);
    for (size_t r = 0; r < p.rows(); ++r)
      for (int k = 0; k < t.layout.n_regions(); ++k)
        if (t.layout.regions[static_cast<size_t>(k)] == p.text(r, rc))
          t.population(k) = p.number(r, pc);
  }
  return t;
}

}  // namespace agglo
