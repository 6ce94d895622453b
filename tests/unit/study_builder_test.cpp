#include <doctest/doctest.h>

#include <string>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;

namespace {
data::Study build(const std::string& csv, data::StudyOptions opt = {}) {
    io::CsvReader reader("s.csv", csv, opt.csv);
    return data::build_study(reader, opt);
}

std::string error_of(const std::string& csv, data::StudyOptions opt = {}) {
    try {
        build(csv, opt);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

const std::string kHead = "subject,group,time,measure,score\n";
}  // namespace

TEST_CASE("long format: columns in any order, extra columns ignored, natural time order") {
    const auto st = build("score,site,measure,time,group,subject\n3,x,gad7,T1,b,S2\n5,x,gad7,T0,b,S2\n"
                          "4,y,gad7,T0,a,S1\nNA,y,gad7,T1,a,S1\n");
    CHECK(st.times == std::vector<std::string>{"T0", "T1"});  // T0 first although T1 appears first
    CHECK(st.groups == std::vector<std::string>{"b", "a"});
    CHECK(st.subjects == std::vector<std::string>{"S2", "S1"});
    CHECK(st.at(0, 0, 1)->value == 3.0);
    CHECK_FALSE(st.at(0, 1, 1).has_value());
    CHECK(st.baseline == 0);
}

TEST_CASE("--times, --baseline, --measures, --groups and column mapping") {
    data::StudyOptions o;
    o.times = {"T0", "T1"};
    o.baseline = "T0";
    o.subject_col = "id";
    o.groups = {"b"};
    const auto st = build("id,group,time,measure,score\nS1,a,T1,bdi,3\nS2,b,T1,bdi,4\nS2,b,T0,bdi,6\n", o);
    CHECK(st.times == std::vector<std::string>{"T0", "T1"});
    CHECK(st.subjects == std::vector<std::string>{"S2"});
    CHECK(st.at(0, 0, 0)->value == 6.0);
}

TEST_CASE("wide format splits at the last separator") {
    const auto st = build("subject,group,bpi_severity_T0,bpi_severity_T1,age\nP1,a,2.25,1.5,40\n");
    CHECK(st.measures == std::vector<std::string>{"bpi_severity"});
    CHECK(st.times == std::vector<std::string>{"T0", "T1"});
    CHECK(st.at(0, 0, 1)->value == 1.5);
}

TEST_CASE("instrument grid: values written rounded count as on the grid") {
    CHECK_NOTHROW(build(kHead + "P1,a,T0,bpi_interference,5.8571\nP1,a,T1,bpi_interference,6\n"));
    // The half-unit boundary is inclusive: 2.3 is 2.25 rounded half up to one
    // decimal (2.2 is it rounded half to even), so both are 9/4 ...
    CHECK(build(kHead + "P1,a,T0,bpi_severity,2.3\n").at(0, 0, 0)->value == 2.25);
    CHECK(build(kHead + "P1,a,T0,bpi_severity,2.2\n").at(0, 0, 0)->value == 2.25);
    // ... while 2.4 is 0.1 from 2.5 and 0.15 from 2.25: off the grid.
    CHECK(error_of(kHead + "P1,a,T0,bpi_severity,2.4\n") ==
          "s.csv:2:5: score 2.4 is not on the grid of bpi_severity (0 to 10 in steps of 0.25; nearest grid points 2.25 and "
          "2.5; --instruments with step 0 turns the grid off)");
    // Ten decimals, 17 significant digits (Python's repr) and 31/6 on the union grid.
    CHECK(build(kHead + "P1,a,T0,bpi_interference,3.4285714286\n").at(0, 0, 0)->value == 24.0 / 7.0);
    CHECK(build(kHead + "P1,a,T0,bpi_interference,5.428571428571429\n").at(0, 0, 0)->value == 38.0 / 7.0);
    CHECK(build(kHead + "P1,a,T0,bpi_interference,5.1667\n").at(0, 0, 0)->value == 31.0 / 6.0);
    CHECK(error_of(kHead + "P1,a,T0,bdi,64\n") == "s.csv:2:5: score 64 is outside the range of BDI-II (0 to 63 in steps of 1)");
    CHECK_NOTHROW(build(kHead + "P1,a,T0,my_scale,1234.5\n"));  // unknown measure: no range check
}

TEST_CASE("every bad input is a DataError with FILE:LINE:COLUMN") {
    CHECK(error_of(kHead + "P1,a,T0,bdi,abc\n") == "s.csv:2:5: score is not a number (\"abc\" in column \"score\")");
    CHECK(error_of(kHead + "P1,a,T0,bdi,inf\n") == "s.csv:2:5: score is not a finite number (\"inf\" in column \"score\")");
    CHECK(error_of(kHead + "P1,a,T0,bdi,nan\n") == "s.csv:2:5: score is not a finite number (\"nan\" in column \"score\")");
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\nP1,a,T0,bdi,4\n") ==
          "s.csv:3:5: duplicate score for subject \"P1\", time \"T0\", measure \"bdi\" (first at line 2)");
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\nP1,b,T1,bdi,4\n") ==
          "s.csv:3:2: subject \"P1\" is in group \"b\" here but in group \"a\" at line 2");
    CHECK(error_of(kHead) == "s.csv:1: no data rows (the file has a header only)");
    CHECK(error_of("subject,group,time,score\nP1,a,T0,3\n", [] {
              data::StudyOptions o;
              o.wide = false;
              return o;
          }()) == "s.csv:1: missing required column \"measure\" (columns: subject, group, time, score; use "
                  "--measure-col to name another)");
    CHECK(error_of(kHead + ",a,T0,bdi,3\n") == "s.csv:2:1: empty subject id");
    data::StudyOptions b;
    b.baseline = "T9";
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\n", b) ==
          "s.csv:1:3: --baseline \"T9\" is not a time in the data (times: T0)");
    data::StudyOptions t;
    t.times = {"T0", "T5"};
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\n", t) == "s.csv:1:3: --times entry \"T5\" does not occur in the data");
    data::StudyOptions t2;
    t2.times = {"T0"};
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\nP1,a,T1,bdi,3\n", t2) ==
          "s.csv:3:5: time \"T1\" is not in --times (T0)");
    data::StudyOptions m;
    m.measures = {"phq9"};
    CHECK(error_of(kHead + "P1,a,T0,bdi,3\n", m) == "s.csv:1: no rows left after --measures/--groups filtering");
    CHECK(error_of("subject,group,subject\n1,2,3\n") == "s.csv:1:3: duplicate column name \"subject\"");
}

TEST_CASE("decimal parsing is exact and strict") {
    auto d = data::parse_decimal("-5.8571");
    REQUIRE(d);
    CHECK(d->mantissa == -58571);
    CHECK(d->scale == 4);
    CHECK_FALSE(data::parse_decimal("1e3"));
    CHECK_FALSE(data::parse_decimal("1.2.3"));
    CHECK(*data::parse_finite(" 1e3 ") == 1000.0);
    CHECK_FALSE(data::parse_finite("1,5"));
    CHECK_FALSE(data::parse_finite("1e999"));
    CHECK(*data::parse_finite("-0") == 0.0);
}
