// Invocations that share a PanelCache read a table once per column mapping; each applies its own
// checks to the shared panel.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "registry/registry.hpp"

namespace agglo {
namespace {

TEST(PanelCache, OneReadPerFileAndColumnMapping) {
  const std::string path =
      test::temp_file("cache.csv", "region,industry,year,value\nA,x,1,1\nA,y,1,2\nB,x,1,-3\n");
  const MeasureSpec* spec = Registry::instance().find("location_quotient");
  ASSERT_NE(spec, nullptr);
  const std::map<std::string, InputSource> inputs{{"table", InputSource{path, "", ""}}};
  auto cache = std::make_shared<PanelCache>();
  Invocation a(*spec, nlohmann::json::object(), {{"period", "year"}}, inputs);
  Invocation b(*spec, nlohmann::json::object(), {{"period", "year"}}, inputs);
  Invocation other(*spec, nlohmann::json::object(), {{"period", "industry"}}, inputs);
  a.panel_cache = b.panel_cache = other.panel_cache = cache;
  const auto first = a.shared_panel();
  EXPECT_EQ(first.get(), b.shared_panel().get());
  EXPECT_NE(first.get(), other.shared_panel().get());
  EXPECT_EQ(cache->panels.size(), 2u);
  EXPECT_THROW(b.shared_panel("table", {.nonnegative = true}), Error);
  // Without a cache every call reads the file again.
  Invocation alone(*spec, nlohmann::json::object(), {{"period", "year"}}, inputs);
  EXPECT_NE(alone.shared_panel().get(), alone.shared_panel().get());
}

}  // namespace
}  // namespace agglo
