#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

#include "pilotstat/error.hpp"
#include "pilotstat/report/json_values.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/report/renderer.hpp"

using namespace pilotstat::report;

namespace {
ResultTable sample() {
    ResultTable t({{"name", ColumnKind::text}, {"n", ColumnKind::integer}, {"x", ColumnKind::real},
                   {"p", ColumnKind::pvalue}});
    t.add_row();
    t.set("name", "a,\"b\"");
    t.set("n", 5);
    t.set("x", -21.875);
    t.set("p", 0.0000123);
    t.add_row();
    t.set("name", "c");
    t.set("n", 1);
    t.set("x", std::numeric_limits<double>::quiet_NaN());  // never printed as NaN
    t.set("p", std::optional<double>{});
    return t;
}

std::string render(const std::string& format) {
    std::ostringstream out;
    make_renderer(format, RenderOptions{})->render(sample(), out);
    return out.str();
}
}  // namespace

TEST_CASE("csv: RFC 4180 quoting, shortest numbers, empty missing") {
    CHECK(render("csv") == "name,n,x,p\n\"a,\"\"b\"\"\",5,-21.875,1.23e-05\nc,1,,\n");
}

TEST_CASE("tsv") { CHECK(render("tsv") == "name\tn\tx\tp\na,\"b\"\t5\t-21.875\t1.23e-05\nc\t1\t\t\n"); }

TEST_CASE("json: numbers as numbers, null for missing, escaped strings") {
    CHECK(render("json") == "[\n  {\"name\": \"a,\\\"b\\\"\", \"n\": 5, \"x\": -21.875, \"p\": 1.23e-05},\n"
                            "  {\"name\": \"c\", \"n\": 1, \"x\": null, \"p\": null}\n]\n");
}

TEST_CASE("text: aligned, NA for missing, rounded p") {
    CHECK(render("text") == "name   n  x        p\n"
                            "a,\"b\"  5  -21.875  < 0.0001\n"
                            "c      1       NA        NA\n");
}

TEST_CASE("markdown") {
    CHECK(render("markdown") == "| name | n | x | p |\n| --- | ---: | ---: | ---: |\n"
                                "| a,\"b\" | 5 | -21.875 | < 0.0001 |\n| c | 1 | NA | NA |\n");
}

TEST_CASE("unknown format is a usage error listing the valid ones") {
    CHECK_THROWS_WITH_AS(make_renderer("xml", RenderOptions{}),
                         "unknown format \"xml\" (valid: text, csv, tsv, json, markdown)", pilotstat::UsageError);
}

TEST_CASE("number formats") {
    CHECK(shortest(0.1) == "0.1");
    CHECK(shortest(1.0 / 3.0) == "0.3333333333333333");
    CHECK(rounded(-0.00001, 4) == "0");
    CHECK(rounded(2.50, 4) == "2.5");
    CHECK(rounded_p(0.0625, 4) == "0.0625");
    CHECK(rounded_p(0.00001, 4) == "< 0.0001");  // the same spelling in tables and sentences
    CHECK(rounded_p(0.0001, 4) == "0.0001");
    CHECK(rounded_p(0.00079365, 4) == "0.00079");   // two significant digits just above the floor
    CHECK(rounded_p(0.0079365, 4) == "0.0079");
    CHECK(rounded_p(0.00079365, 2) == "< 0.01");
}

TEST_CASE("set() on an unknown column throws") {
    ResultTable t({{"a", ColumnKind::real}});
    t.add_row();
    CHECK_THROWS_AS(t.set("b", 1.0), pilotstat::ComputeError);
}

TEST_CASE("json values: one spelling, null for missing and non-finite numbers") {
    using pilotstat::report::json_cell;
    using pilotstat::report::json_number;
    CHECK(json_number(0.1) == "0.1");
    CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
    CHECK(json_number(-std::numeric_limits<double>::infinity()) == "null");
    CHECK(json_number(std::optional<double>{}) == "null");
    CHECK(json_cell(pilotstat::report::Cell{}) == "null");
    CHECK(json_cell(pilotstat::report::Cell{std::string("a\n\"")}) == "\"a\\n\\\"\"");
    CHECK(json_cell(pilotstat::report::Cell{std::int64_t{3}}) == "3");
}
