// docs/measures.md is generated from the registry; this test fails when it is stale.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/test_helpers.hpp"
#include "registry/docs.hpp"

TEST(Docs, MeasuresMarkdownIsCurrent) {
#ifndef AGGLO_ALL_FAMILIES
  GTEST_SKIP() << "built with a subset of the families";
#else
  std::ifstream f(agglo::test::source_path("docs/measures.md"));
  ASSERT_TRUE(f) << "docs/measures.md is missing; run: build/agglo docs > docs/measures.md";
  std::stringstream s;
  s << f.rdbuf();
  EXPECT_TRUE(s.str() == agglo::measures_markdown())
      << "docs/measures.md is stale; regenerate it with: build/agglo docs > docs/measures.md";
#endif
}

TEST(Docs, EveryMeasureIsDocumented) {
  for (const auto* spec : agglo::Registry::instance().all()) {
    EXPECT_FALSE(spec->summary.empty()) << spec->name;
    EXPECT_FALSE(spec->formula.empty()) << spec->name;
    EXPECT_FALSE(spec->reference.empty()) << spec->name;
    EXPECT_FALSE(spec->outputs.empty()) << spec->name;
    for (const auto& o : spec->options) EXPECT_FALSE(o.doc.empty()) << spec->name << "." << o.name;
  }
}
