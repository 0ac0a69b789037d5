// The command line as a user meets it: exit codes and positioned messages on bad input.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/test_helpers.hpp"

using agglo::test::temp_file;

namespace {

struct CliRun {
  int code;
  std::string out;  // stdout and stderr together
};

CliRun run_agglo(const std::string& args) {
  const std::string cmd = std::string(AGGLO_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

std::string read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace

TEST(Cli, LocationQuotientPrintsCsv) {
  auto p = temp_file("cli_ok.csv", "region,industry,emp\nA,x,10\nA,y,30\nB,x,30\nB,y,10\n");
  CliRun r = run_agglo("location-quotient --table " + p + " --value emp");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("region,industry,lq\nA,x,0.5\n"), std::string::npos) << r.out;
}

TEST(Cli, NonNumericValueExitsOneWithPosition) {
  auto p = temp_file("cli_bad.csv", "region,industry,emp\nA,x,10\nB,x,(X)\n");
  CliRun r = run_agglo("location-quotient --table " + p + " --value emp");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("cli_bad.csv:3:3: expected a number in column \"emp\", got \"(X)\""),
            std::string::npos)
      << r.out;
}

TEST(Cli, RaggedRowUnknownColumnDuplicateNegativeEmptyEncoding) {
  struct Case {
    std::string name, content, args, expect;
  };
  const std::vector<Case> cases = {
      {"rag.csv", "region,industry,value\nA,x,1\nB,y\n", "", "rag.csv:3:3: expected 3 fields"},
      {"unk.csv", "region,industry,emp\nA,x,1\n", "", "unknown column \"value\""},
      {"dup.csv", "region,industry,value\nA,x,1\nA,x,2\n", "", "dup.csv:3: duplicate row"},
      {"neg.csv", "region,industry,value\nA,x,1\nB,x,-4\n", "",
       "neg.csv:3:3: expected a count (>= 0)"},
      {"empty.csv", "", "", "empty.csv: the file is empty"},
      {"b5.csv", "region,industry,value\n\xA5\x78\xA5\x5F,x,1\n", "", "b5.csv:2: invalid UTF-8"},
      {"u8.csv", "region,industry,value\n\xE5\x8F\xB0\xE5\x8C\x97,x,1\n", "--encoding big5",
       "u8.csv:2:"},
  };
  for (const auto& c : cases) {
    auto p = temp_file(c.name, c.content);
    CliRun r = run_agglo("location-quotient --table " + p + " " + c.args);
    EXPECT_EQ(r.code, 1) << c.name << ": " << r.out;
    EXPECT_NE(r.out.find(c.expect), std::string::npos) << c.name << ": " << r.out;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_agglo("location-quotient --method nonsense --table x.csv").code, 2);
  EXPECT_EQ(run_agglo("no-such-measure").code, 2);
#ifdef AGGLO_ALL_FAMILIES  // a measure of the complexity family
  auto p = temp_file("cli_periods.csv", "region,industry,period,value\nA,x,1,1\nA,x,2,1\n");
  CliRun r = run_agglo("revealed-comparative-advantage --table " + p);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("several periods"), std::string::npos) << r.out;
#endif
}

TEST(Cli, OnePeriodMeasureRunsForEveryPeriod) {
  auto p = temp_file("cli_each.csv",
                     "region,industry,year,value\nA,x,1,10\nA,y,1,30\nB,x,1,30\nB,y,1,10\n"
                     "A,x,2,10\nA,y,2,10\nB,x,2,30\nB,y,2,10\n");
  CliRun all = run_agglo("hoover-concentration --table " + p + " --period year");
  EXPECT_EQ(all.code, 0) << all.out;
  // Period 2, industry x: 1/12, correctly rounded.
  EXPECT_NE(all.out.find("period,industry,hoover\n1,x,0.25\n1,y,0.25\n2,x,0.08333333333333333\n"),
            std::string::npos)
      << all.out;
  CliRun one = run_agglo("hoover-concentration --table " + p + " --period year --set-period 2");
  EXPECT_NE(one.out.find("industry,hoover\nx,0.08333333333333333\n"), std::string::npos) << one.out;
  auto neg = temp_file("cli_each_neg.csv", "region,industry,year,value\nA,x,1,1\nA,x,2,-3\n");
  CliRun bad = run_agglo("location-quotient --table " + neg + " --period year");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(
      bad.out.find("cli_each_neg.csv:3:4: expected a count (>= 0) in column \"value\", got -3"),
      std::string::npos)
      << bad.out;
}

TEST(Cli, FailedImportLeavesTheStoreUnchanged) {
  const auto dir = std::filesystem::temp_directory_path() / "agglo_tests";
  const std::string project = (dir / "atomic.agglo").string();
  std::filesystem::remove(project);
  std::filesystem::remove(project + "-wal");
  std::filesystem::remove(project + "-shm");
  ASSERT_EQ(run_agglo("project init " + project).code, 0);
  auto good = temp_file("good.csv", "region,industry,emp\nA,x,1\nB,x,2\n");
  ASSERT_EQ(run_agglo("import " + good + " --as emp --project " + project + " --value emp").code,
            0);
  const std::string before = run_agglo("datasets --project " + project + " --format csv").out;
  // The bad row is the last one: everything before it must not be kept.
  std::string rows = "region,industry,emp\n";
  for (int k = 0; k < 500; ++k) rows.append("R").append(std::to_string(k)).append(",x,1\n");
  rows += "Z,x,(X)\n";
  auto bad = temp_file("bad_import.csv", rows);
  CliRun r = run_agglo("import " + bad + " --as more --project " + project + " --value emp");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("bad_import.csv:502:3"), std::string::npos) << r.out;
  CliRun dup = run_agglo("import " + good + " --as emp --project " + project + " --value emp");
  EXPECT_EQ(dup.code, 1) << dup.out;
  EXPECT_EQ(run_agglo("datasets --project " + project + " --format csv").out, before);
  CliRun lq = run_agglo("location-quotient --project " + project + " --dataset emp");
  EXPECT_EQ(lq.code, 0) << lq.out;
}

TEST(Cli, OutputDirWritesOneFilePerOutput) {
  auto p = temp_file("cli_dir.csv", "region,industry,value\nA,x,10\nA,y,30\nB,x,30\nB,y,10\n");
  const auto dir = std::filesystem::temp_directory_path() / "agglo_tests" / "outdir";
  std::filesystem::remove_all(dir);
  CliRun r = run_agglo("location-quotient --table " + p + " --output-dir " + dir.string());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(read_all((dir / "lq.csv").string()).find("A,y,1.5"), std::string::npos);
  CliRun j = run_agglo("location-quotient --table " + p + " --format json");
  EXPECT_NE(j.out.find("\"lq\": 1.5"), std::string::npos) << j.out;
}

// `agglo run`: the steps of a plan write what the same measures write one command at a time;
// a relative table is found beside the plan.
TEST(Cli, RunPlanWritesWhatSeparateCommandsWrite) {
  const std::string table =
      temp_file("cli_run.csv",
                "region,industry,year,value\nA,x,1,10\nA,y,1,30\nB,x,1,30\nB,y,1,10\n"
                "A,x,2,10\nA,y,2,10\nB,x,2,30\nB,y,2,10\n");
  const std::string plan = temp_file("cli_run_plan.json",
                                     R"({"table": "cli_run.csv", "columns": {"period": "year"},
                    "steps": [{"measure": "hoover-concentration"},
                              {"measure": "location_quotient", "output_dir": "lq",
                               "params": {"method": "additive"}}]})");
  const auto dir = std::filesystem::path(plan).parent_path();
  const std::string out = (dir / "cli_run_out").string();
  CliRun run = run_agglo("run " + plan + " --output-dir " + out);
  ASSERT_EQ(run.code, 0) << run.out;
  const std::string sep = (dir / "cli_run_sep").string();
  ASSERT_EQ(run_agglo("hoover-concentration --table " + table + " --period year --output-dir " +
                      sep + "/hoover")
                .code,
            0);
  ASSERT_EQ(run_agglo("location-quotient --table " + table +
                      " --period year --method additive --output-dir " + sep + "/lq")
                .code,
            0);
  const std::string hoover = read_all(out + "/hoover-concentration/hoover.csv");
  EXPECT_NE(hoover.find("period,industry,hoover\n1,x,0.25\n"), std::string::npos) << hoover;
  EXPECT_EQ(hoover, read_all(sep + "/hoover/hoover.csv"));
  const std::string lq = read_all(out + "/lq/lq.csv");
  EXPECT_FALSE(lq.empty());
  EXPECT_EQ(lq, read_all(sep + "/lq/lq.csv"));
}

// Each step applies its own checks to the shared read: the count check of the location quotient
// still names the file, line and column of the negative value.
TEST(Cli, RunPlanChecksEachStepOnTheSharedTable) {
  temp_file("cli_run_neg.csv", "region,industry,year,value\nA,x,1,1\nA,x,2,-3\n");
  const std::string plan =
      temp_file("cli_run_neg.json", R"({"table": "cli_run_neg.csv", "columns": {"period": "year"},
                              "steps": [{"measure": "location-quotient"}]})");
  const auto out = std::filesystem::path(plan).parent_path() / "cli_run_neg_out";
  CliRun bad = run_agglo("run " + plan + " --output-dir " + out.string());
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(
      bad.out.find("cli_run_neg.csv:3:4: expected a count (>= 0) in column \"value\", got -3"),
      std::string::npos)
      << bad.out;
}

TEST(Cli, RunPlanErrorsArePositionedAndNamed) {
  const std::string broken =
      temp_file("cli_plan_broken.json", "{\"steps\": [\n  {\"measure\": }\n]}");
  CliRun syntax = run_agglo("run " + broken);
  EXPECT_EQ(syntax.code, 1);
  EXPECT_NE(syntax.out.find("cli_plan_broken.json:2:15: the plan is not valid JSON (syntax error"),
            std::string::npos)
      << syntax.out;
  const std::string unknown_key =
      temp_file("cli_plan_key.json", R"({"steps": [{"measure": "hoover", "param": {}}]})");
  CliRun key = run_agglo("run " + unknown_key);
  EXPECT_EQ(key.code, 1);
  EXPECT_NE(key.out.find("step 1 has the unknown key \"param\""), std::string::npos) << key.out;
  const std::string unknown_measure =
      temp_file("cli_plan_measure.json", R"({"steps": [{"measure": "no-such-thing"}]})");
  CliRun measure = run_agglo("run " + unknown_measure);
  EXPECT_EQ(measure.code, 1);
  EXPECT_NE(measure.out.find("step 1: no measure \"no-such-thing\""), std::string::npos)
      << measure.out;
  EXPECT_EQ(run_agglo("run " + temp_file("cli_plan_empty.json", R"({"steps": []})")).code, 1);
  // Every step is checked before any runs: a bad option in step 2 leaves step 1 unwritten.
  temp_file("cli_plan_late.csv", "region,industry,value\nA,x,1\nB,y,2\n");
  const std::string late = temp_file("cli_plan_late.json", R"({"table": "cli_plan_late.csv",
                                "steps": [{"measure": "hoover-concentration"},
                                          {"measure": "location-quotient",
                                           "params": {"method": "nonsense"}}]})");
  const auto out = std::filesystem::path(late).parent_path() / "cli_plan_late_out";
  CliRun bad_option = run_agglo("run " + late + " --output-dir " + out.string());
  EXPECT_EQ(bad_option.code, 2) << bad_option.out;
  EXPECT_NE(bad_option.out.find("step 2 (location-quotient): "), std::string::npos)
      << bad_option.out;
  EXPECT_FALSE(std::filesystem::exists(out / "hoover-concentration"));
}

// A plan may read a stored dataset; a bad step format is named.
TEST(Cli, RunPlanReadsAStoredDatasetAndChecksFormats) {
  const std::string table =
      temp_file("cli_run_store.csv", "region,industry,emp\nA,x,10\nA,y,30\nB,x,30\nB,y,10\n");
  const auto dir = std::filesystem::path(table).parent_path();
  const std::string project = (dir / "cli_run_store.agglo").string();
  ASSERT_EQ(run_agglo("project init " + project).code, 0);
  ASSERT_EQ(run_agglo("import " + table + " --as emp --project " + project + " --value emp").code,
            0);
  const std::string plan =
      temp_file("cli_run_store.json", R"({"project": "cli_run_store.agglo", "dataset": "emp",
                               "steps": [{"measure": "hoover-concentration", "format": "json"},
                                         {"measure": "location-quotient"}]})");
  const std::string out = (dir / "cli_run_store_out").string();
  CliRun run = run_agglo("run " + plan + " --output-dir " + out);
  ASSERT_EQ(run.code, 0) << run.out;
  const std::string hoover = read_all(out + "/hoover-concentration/hoover.json");
  EXPECT_NE(hoover.find("\"hoover\": 0.25"), std::string::npos) << hoover;
  EXPECT_EQ(read_all(out + "/location-quotient/lq.csv"),
            "region,industry,lq\nA,x,0.5\nA,y,1.5\nB,x,1.5\nB,y,0.5\n");
  const std::string bad = temp_file("cli_run_format.json",
                                    R"({"table": "cli_run_store.csv", "columns": {"value": "emp"},
                                "steps": [{"measure": "hoover-concentration", "format": "pdf"}]})");
  CliRun format = run_agglo("run " + bad + " --output-dir " + out);
  EXPECT_EQ(format.code, 1);
  EXPECT_NE(format.out.find("step 1: format must be csv, json, xlsx or table, got \"pdf\""),
            std::string::npos)
      << format.out;
  const std::string both =
      temp_file("cli_run_both.json", R"({"table": "a.csv", "project": "p.agglo", "dataset": "d",
                               "steps": [{"measure": "hoover-concentration"}]})");
  EXPECT_EQ(run_agglo("run " + both).code, 1);
}
