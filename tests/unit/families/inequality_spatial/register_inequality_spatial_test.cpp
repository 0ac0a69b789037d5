// gini_spatial through the registry: edge lists made symmetric, unknown regions, NA values.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

Results run(const std::string& table, const std::string& weights) {
  const MeasureSpec* spec = Registry::instance().find("gini_spatial");
  EXPECT_NE(spec, nullptr);
  Invocation inv(*spec, nlohmann::json::object(), {{"period", "year"}},
                 {{"table", InputSource{test::temp_file("gs_table.csv", table), "", ""}},
                  {"weights", InputSource{test::temp_file("gs_weights.csv", weights), "", ""}}});
  return spec->kernel(inv);
}

const std::string kTable =
    "region,year,value\na,1,3\nb,1,8\nc,1,1\nd,1,6\na,2,3\nb,2,NA\nc,2,1\nd,2,6\n";

TEST(RegisterSpatialGini, OneDirectionEdgesCountAsPairsWithAWarning) {
  const Results sym = run(kTable, "from,to,weight\na,b,1\nb,a,1\nb,c,1\nc,b,1\n");
  const Results one = run(kTable, "from,to,weight\na,b,1\nb,c,1\n");
  EXPECT_EQ(sym.find("gini_spatial")->column("wg").number[0],
            one.find("gini_spatial")->column("wg").number[0]);
  EXPECT_EQ(sym.find("gini_spatial")->column("wg").number[0], 2.0 * (5 + 7));
  bool warned = false;
  for (const auto& w : one.warnings) warned |= w.find("not symmetric") != std::string::npos;
  EXPECT_TRUE(warned);
  // Period 2: b is NA, so it drops out with both of its pairs.
  EXPECT_EQ(sym.find("gini_spatial")->column("wg").number[1], 0.0);
  EXPECT_TRUE(std::isnan(sym.find("gini_spatial")->column("polarization").number[1]));
}

TEST(RegisterSpatialGini, UnknownRegionAndSelfPairAreErrors) {
  EXPECT_THROW(run(kTable, "from,to,weight\na,zz,1\n"), Error);
  EXPECT_THROW(run(kTable, "from,to,weight\na,a,1\n"), Error);
}

}  // namespace
}  // namespace agglo
