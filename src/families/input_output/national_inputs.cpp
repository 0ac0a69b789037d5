#include "families/input_output/national_inputs.hpp"

#include <map>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

NationalTable read_national_table(const Invocation& inv) {
  NationalTable t;
  const std::string code = inv.column("code");
  const LabeledMatrix z = read_labelled_matrix(inv.table("Z"), code);
  t.codes = z.row_labels;
  t.Z = cols_in_order(z, t.codes, inv.source("Z").describe() + " (columns of Z)");
  if (inv.has_input("Y")) {
    const LabeledMatrix y = read_labelled_matrix(inv.table("Y"), code);
    t.Y = rows_in_order(y, t.codes, inv.source("Y").describe());
    t.y_columns = y.col_labels;
  }
  if (inv.has_input("x")) {
    const TextTable& xt = inv.table("x");
    const std::string out_col = inv.column_given("output")
                                    ? inv.column("output")
                                    : (xt.find_column("x") ? "x" : xt.header.back());
    t.x = rows_in_order(read_labelled_matrix(xt, code, {out_col}), t.codes,
                        inv.source("x").describe())
              .col(0);
  } else if (t.Y.size() > 0) {
    t.x = t.Z.rowwise().sum() + t.Y.rowwise().sum();
  } else {
    throw UsageError("give the total output x (input x) or the final demand Y to derive it");
  }
  for (Eigen::Index i = 0; i < t.x.size(); ++i)
    if (t.x(i) < 0)
      throw Error(fmt::format("sector {} has negative output x = {}", t.codes[i], t.x(i)));
  if (inv.has_input("VA")) {
    const LabeledMatrix va = read_labelled_matrix(inv.table("VA"), inv.column("va_item"));
    t.VA = cols_in_order(va, t.codes, inv.source("VA").describe());
    t.va_items = va.row_labels;
  }
  if (inv.has_input("Zimp")) {
    const LabeledMatrix zi = read_labelled_matrix(inv.table("Zimp"), code);
    t.Zimp = cols_in_order(zi, t.codes, inv.source("Zimp").describe());
    t.Zimp = rows_in_order(LabeledMatrix{zi.row_labels, t.codes, t.Zimp}, t.codes,
                           inv.source("Zimp").describe());
  }
  if (inv.has_input("shock")) {
    const LabeledMatrix s = read_labelled_matrix(inv.table("shock"), code);
    t.shock = rows_in_order(s, t.codes, inv.source("shock").describe());
    t.shock_names = s.col_labels;
  }
  if (inv.has_input("satellite")) {
    const LabeledMatrix s = read_labelled_matrix(inv.table("satellite"), inv.column("item"));
    t.satellite = cols_in_order(s, t.codes, inv.source("satellite").describe());
    t.satellite_items = s.row_labels;
  }
  if (inv.has_input("sectors")) {
    const TextTable& s = inv.table("sectors");
    const size_t c = s.column(code);
    std::map<std::string, size_t> row;
    for (size_t r = 0; r < s.rows(); ++r) row[s.text(r, c)] = r;
    auto names = [&](const std::string& role) {
      std::vector<std::string> out;
      // Unmapped roles fall back to the usual headers name_en / name_zh.
      auto col = s.find_column(inv.column(role));
      if (!col && !inv.column_given(role))
        col = s.find_column(role == "sector_name_en" ? "name_en" : "name_zh");
      if (!col) return out;
      for (const auto& k : t.codes) out.push_back(row.count(k) ? s.text(row[k], *col) : "");
      return out;
    };
    for (const auto& k : t.codes)
      if (!row.count(k)) t.warnings.push_back("sector " + k + " of Z is not listed in " + s.source);
    t.names_en = names("sector_name_en");
    t.names_zh = names("sector_name_zh");
  }
  t.active = ActiveSectors::of(t.x);
  for (Eigen::Index i = 0; i < t.x.size(); ++i)
    if (t.x(i) == 0) {
      const bool flows = t.Z.row(i).cwiseAbs().sum() + t.Z.col(i).cwiseAbs().sum() > 0;
      t.warnings.push_back(
          fmt::format("sector {} has zero output: excluded from the system, its results are NA{}",
                      t.codes[i], flows ? " (it has non-zero flows in Z, which are ignored)" : ""));
    }
  // Balance on load: rows Z1 + Y1 = x, columns 1'Z (+ 1'Zimp) + value added = x.
  const double tol = inv.number("balance_tolerance");
  if (t.Y.size() > 0)
    check_balance("row balance Z1 + Y1 = x", t.codes, t.Z.rowwise().sum() + t.Y.rowwise().sum(),
                  t.x, tol, t.warnings);
  const Eigen::Index va_row = value_added_row(t, inv);
  if (va_row >= 0) {
    Eigen::VectorXd inputs = t.Z.colwise().sum().transpose() + t.VA.row(va_row).transpose();
    if (t.Zimp.size() > 0) inputs += t.Zimp.colwise().sum().transpose();
    check_balance(fmt::format("column balance 1'Z{} + {} = x", t.Zimp.size() > 0 ? " + 1'Zimp" : "",
                              t.va_items[va_row]),
                  t.codes, inputs, t.x, tol, t.warnings);
  }
  return t;
}

Eigen::Index value_added_row(const NationalTable& t, const Invocation& inv) {
  if (t.va_items.empty()) return -1;
  if (inv.has("value_added_item")) {
    const std::string item = inv.text("value_added_item");
    for (size_t i = 0; i < t.va_items.size(); ++i)
      if (t.va_items[i] == item) return static_cast<Eigen::Index>(i);
    std::string all;
    for (const auto& s : t.va_items) all += (all.empty() ? "" : ", ") + s;
    throw UsageError(
        fmt::format("value_added_item \"{}\" is not a row of VA (rows: {})", item, all));
  }
  if (t.va_items.size() == 1) return 0;
  std::string all;
  for (const auto& s : t.va_items) all += (all.empty() ? "" : ", ") + s;
  throw UsageError("VA has several rows (" + all +
                   "); name the value-added row with the option value_added_item");
}

}  // namespace agglo
