#include "families/input_output/io_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {

LabeledMatrix read_labelled_matrix(const TextTable& t, const std::string& key_column,
                                   const std::vector<std::string>& value_columns) {
  if (t.cols() == 0) throw Error(SourcePos{t.source, 1, 0}, "the table has no columns");
  const size_t key = t.find_column(key_column).value_or(0);
  std::vector<size_t> cols;
  if (value_columns.empty()) {
    for (size_t c = 0; c < t.cols(); ++c)
      if (c != key) cols.push_back(c);
  } else {
    for (const auto& name : value_columns) cols.push_back(t.column(name));
  }
  LabeledMatrix m;
  m.values.resize(static_cast<Eigen::Index>(t.rows()), static_cast<Eigen::Index>(cols.size()));
  for (size_t c : cols) m.col_labels.push_back(t.header[c]);
  for (size_t r = 0; r < t.rows(); ++r) {
    m.row_labels.push_back(t.text(r, key));
    for (size_t k = 0; k < cols.size(); ++k) {
      const double v = t.number(r, cols[k]);
      if (std::isnan(v))
        throw Error(t.pos(r, cols[k]),
                    fmt::format("expected a number in column \"{}\", got \"{}\" (input-output "
                                "tables may not have missing cells; write 0)",
                                t.header[cols[k]], t.text(r, cols[k])));
      m.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = v;
    }
  }
  return m;
}

namespace {

std::vector<Eigen::Index> positions(const std::vector<std::string>& labels,
                                    const std::vector<std::string>& codes, const std::string& what,
                                    const char* kind, bool strict) {
  std::unordered_map<std::string, Eigen::Index> at;
  for (size_t i = 0; i < labels.size(); ++i)
    if (!at.emplace(labels[i], static_cast<Eigen::Index>(i)).second)
      throw Error(fmt::format("{}: the {} \"{}\" occurs twice", what, kind, labels[i]));
  std::vector<Eigen::Index> pos;
  for (const auto& c : codes) {
    auto it = at.find(c);
    if (it == at.end()) throw Error(fmt::format("{}: no {} for the code \"{}\"", what, kind, c));
    pos.push_back(it->second);
  }
  if (strict && labels.size() != codes.size()) {
    std::unordered_map<std::string, bool> known;
    for (const auto& c : codes) known[c] = true;
    for (const auto& l : labels)
      if (!known.count(l))
        throw Error(fmt::format("{}: the {} \"{}\" is not a code of Z", what, kind, l));
  }
  return pos;
}

}  // namespace

Eigen::MatrixXd rows_in_order(const LabeledMatrix& m, const std::vector<std::string>& codes,
                              const std::string& what, bool strict) {
  const auto pos = positions(m.row_labels, codes, what, "row", strict);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(codes.size()), m.cols());
  for (size_t i = 0; i < pos.size(); ++i)
    out.row(static_cast<Eigen::Index>(i)) = m.values.row(pos[i]);
  return out;
}

Eigen::MatrixXd cols_in_order(const LabeledMatrix& m, const std::vector<std::string>& codes,
                              const std::string& what, bool strict) {
  const auto pos = positions(m.col_labels, codes, what, "column", strict);
  Eigen::MatrixXd out(m.rows(), static_cast<Eigen::Index>(codes.size()));
  for (size_t i = 0; i < pos.size(); ++i)
    out.col(static_cast<Eigen::Index>(i)) = m.values.col(pos[i]);
  return out;
}

ActiveSectors ActiveSectors::of(const Eigen::VectorXd& x) {
  ActiveSectors a;
  a.total = x.size();
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x(i) != 0) a.index.push_back(i);
  return a;
}

Eigen::VectorXd ActiveSectors::pick(const Eigen::VectorXd& v) const {
  Eigen::VectorXd out(size());
  for (Eigen::Index k = 0; k < size(); ++k) out(k) = v(index[k]);
  return out;
}

Eigen::MatrixXd ActiveSectors::pick_rows(const Eigen::MatrixXd& m) const {
  Eigen::MatrixXd out(size(), m.cols());
  for (Eigen::Index k = 0; k < size(); ++k) out.row(k) = m.row(index[k]);
  return out;
}

Eigen::MatrixXd ActiveSectors::pick_cols(const Eigen::MatrixXd& m) const {
  Eigen::MatrixXd out(m.rows(), size());
  for (Eigen::Index k = 0; k < size(); ++k) out.col(k) = m.col(index[k]);
  return out;
}

Eigen::VectorXd ActiveSectors::expand(const Eigen::VectorXd& v) const {
  Eigen::VectorXd out = Eigen::VectorXd::Constant(total, NA);
  for (Eigen::Index k = 0; k < size(); ++k) out(index[k]) = v(k);
  return out;
}

Eigen::MatrixXd ActiveSectors::expand_rows(const Eigen::MatrixXd& m) const {
  Eigen::MatrixXd out = Eigen::MatrixXd::Constant(total, m.cols(), NA);
  for (Eigen::Index k = 0; k < size(); ++k) out.row(index[k]) = m.row(k);
  return out;
}

Eigen::MatrixXd ActiveSectors::expand_cols(const Eigen::MatrixXd& m) const {
  Eigen::MatrixXd out = Eigen::MatrixXd::Constant(m.rows(), total, NA);
  for (Eigen::Index k = 0; k < size(); ++k) out.col(index[k]) = m.col(k);
  return out;
}

void check_balance(const std::string& what, const std::vector<std::string>& codes,
                   const Eigen::VectorXd& got, const Eigen::VectorXd& want, double tol,
                   std::vector<std::string>& warnings) {
  std::vector<Eigen::Index> off;
  Eigen::VectorXd rel(got.size());
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    rel(i) = std::abs(got(i) - want(i)) / std::max(std::abs(want(i)), 1.0);
    if (rel(i) > tol) off.push_back(i);
  }
  if (off.empty()) return;
  std::sort(off.begin(), off.end(),
            [&](Eigen::Index a, Eigen::Index b) { return rel(a) > rel(b); });
  std::string worst;
  for (size_t k = 0; k < std::min<size_t>(off.size(), 5); ++k)
    worst += fmt::format("{}{} ({:.4g} vs {:.4g}, relative {:.3g})", k ? ", " : "", codes[off[k]],
                         got(off[k]), want(off[k]), rel(off[k]));
  warnings.push_back(
      fmt::format("{} off by more than {:g} (relative) in {} of {} sectors; worst: {}", what, tol,
                  off.size(), got.size(), worst));
}

}  // namespace agglo
