#include "families/complexity/recommend.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"

namespace agglo {
namespace {

struct Candidate {
  Eigen::Index region, industry;
  double score;
};

// Mean and population sd of a component over the candidate cells.
std::pair<double, double> moments(const std::vector<Candidate>& cands, const Eigen::MatrixXd& v) {
  double sum = 0, sq = 0;
  for (const auto& c : cands) sum += v(c.region, c.industry);
  const double mean = sum / static_cast<double>(cands.size());
  for (const auto& c : cands) sq += std::pow(v(c.region, c.industry) - mean, 2);
  return {mean, std::sqrt(sq / static_cast<double>(cands.size()))};
}

}  // namespace

Table recommendation_table(const LabeledMatrix& x, const RecommendOptions& opt,
                           std::vector<std::string>* warnings) {
  if (opt.top < 1) throw UsageError("top must be at least 1");
  EconomicComplexityOptions eo;
  eo.rca_threshold = opt.rca_threshold;
  eo.proximity = opt.proximity;
  const EconomicComplexity ec = economic_complexity(x.values, eo);
  if (warnings) warnings->insert(warnings->end(), ec.warnings.begin(), ec.warnings.end());
  const bool needs_pci = opt.weight_pci != 0 || opt.weight_cog != 0;
  if (needs_pci && ec.pci.array().isNaN().all())
    throw Error(
        "PCI and COG are undefined for this table (see the warnings of economic_complexity); "
        "recommend with weight_pci = weight_cog = 0 to rank by density alone");

  const Eigen::Index n = x.rows(), k = x.cols();
  Eigen::MatrixXd pci_cell(n, k);
  for (Eigen::Index p = 0; p < k; ++p) pci_cell.col(p).setConstant(ec.pci(p));
  std::vector<Candidate> cands;
  for (Eigen::Index c = 0; c < n; ++c)
    for (Eigen::Index p = 0; p < k; ++p) {
      if (ec.mcp(c, p) != 0 || std::isnan(ec.mcp(c, p)))
        continue;  // specialised already, or left out
      if (std::isnan(ec.density(c, p)) ||
          (needs_pci && (std::isnan(pci_cell(c, p)) || std::isnan(ec.cog(c, p)))))
        continue;
      cands.push_back({c, p, 0.0});
    }
  if (cands.empty())
    throw Error("no region has an industry with RCA below the threshold to recommend");
  const auto [dm, ds] = moments(cands, ec.density);
  const auto [pm, ps] = moments(cands, pci_cell);
  const auto [gm, gs] = moments(cands, ec.cog);
  auto z = [](double v, double mean, double sd) { return sd > 0 ? (v - mean) / sd : 0.0; };
  for (auto& cd : cands)
    cd.score = opt.weight_density * z(ec.density(cd.region, cd.industry), dm, ds) +
               opt.weight_pci * z(pci_cell(cd.region, cd.industry), pm, ps) +
               opt.weight_cog * z(ec.cog(cd.region, cd.industry), gm, gs);

  std::vector<std::string> region, industry, strengths;
  std::vector<double> rank, score, density, pci, cog, rca;
  std::vector<Candidate> mine;
  size_t next = 0;  // candidates are in region order
  for (Eigen::Index c = 0; c < n; ++c) {
    mine.clear();
    while (next < cands.size() && cands[next].region == c) mine.push_back(cands[next++]);
    if (mine.empty()) {
      if (warnings && !std::isnan(ec.diversity(c)))
        warnings->push_back(
            fmt::format("region {} has no industry left to recommend", x.row_labels[c]));
      continue;
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (warnings && ec.diversity(c) == 0)
      warnings->push_back(fmt::format(
          "region {} has no specialisation: its density is 0 everywhere", x.row_labels[c]));
    const size_t shown = std::min(mine.size(), static_cast<size_t>(opt.top));
    for (size_t t = 0; t < shown; ++t) {
      const Eigen::Index p = mine[t].industry;
      region.push_back(x.row_labels[c]);
      industry.push_back(x.col_labels[p]);
      rank.push_back(static_cast<double>(t + 1));
      score.push_back(mine[t].score);
      density.push_back(ec.density(c, p));
      pci.push_back(ec.pci(p));
      cog.push_back(ec.cog(c, p));
      rca.push_back(ec.rca(c, p));
      // The region's specialisations closest to p: the reasons behind its density.
      std::vector<Eigen::Index> strong;
      for (Eigen::Index q = 0; q < k; ++q)
        if (q != p && ec.mcp(c, q) == 1 && !std::isnan(ec.proximity(p, q))) strong.push_back(q);
      std::stable_sort(strong.begin(), strong.end(), [&](Eigen::Index a, Eigen::Index b) {
        return ec.proximity(p, a) > ec.proximity(p, b);
      });
      std::string why;
      for (size_t s = 0; s < std::min(strong.size(), static_cast<size_t>(std::max(0, opt.reasons)));
           ++s)
        why += fmt::format("{}{} ({:.3f})", why.empty() ? "" : "; ", x.col_labels[strong[s]],
                           ec.proximity(p, strong[s]));
      strengths.push_back(why);
    }
  }
  Table t;
  t.add_text("region", std::move(region));
  t.add_number("rank", std::move(rank));
  t.add_text("industry", std::move(industry));
  t.add_number("score", std::move(score));
  t.add_number("density", std::move(density));
  t.add_number("pci", std::move(pci));
  t.add_number("cog", std::move(cog));
  t.add_number("rca", std::move(rca));
  t.add_text("related_strengths", std::move(strengths));
  return t;
}

}  // namespace agglo
