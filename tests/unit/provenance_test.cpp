#include <doctest/doctest.h>

#include "pilotstat/error.hpp"
#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/report/column_glossary.hpp"
#include "pilotstat/report/provenance.hpp"

using namespace pilotstat::report;

TEST_CASE("markup_escape: the five characters of XML and HTML, control characters to spaces") {
    CHECK(pilotstat::markup_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    CHECK(pilotstat::markup_escape(std::string("x\x01y\tz\n")) == "x y\tz\n");
    CHECK(pilotstat::markup_escape("BDI\xe2\x80\x91II") == "BDI\xe2\x80\x91II");  // UTF-8 passes through
}

TEST_CASE("shell_join: quotes only what a POSIX shell would split or expand") {
    CHECK(shell_join({"pilotstat", "report", "data/x.csv", "--format", "html"}) ==
          "pilotstat report data/x.csv --format html");
    CHECK(shell_join({"pilotstat", "report", "my data.csv", "--measures", "a;b", ""}) ==
          "pilotstat report 'my data.csv' --measures 'a;b' ''");
    CHECK(shell_join({"it's"}) == "'it'\\''s'");
}

TEST_CASE("utc_stamp and SOURCE_DATE_EPOCH") {
    // 1700000000 s = 2023-11-14 22:13:20 UTC (date -u -d @1700000000).
    CHECK(utc_stamp(1700000000, false) == "2023-11-14 22:13:20 UTC");
    CHECK(utc_stamp(1700000000, true) == "2023-11-14");
    CHECK(!parse_source_date_epoch(nullptr));
    CHECK(*parse_source_date_epoch("1700000000") == 1700000000);
    CHECK_THROWS_AS(parse_source_date_epoch(""), pilotstat::DataError);
    CHECK_THROWS_AS(parse_source_date_epoch("-5"), pilotstat::DataError);
    CHECK_THROWS_AS(parse_source_date_epoch("17e8"), pilotstat::DataError);
}

TEST_CASE("column glossary: labels and definitions for the report's columns") {
    for (const char* c : {"group", "time", "n", "missing", "mean", "sd", "median", "min", "max", "from", "to",
                          "mean_change", "ci_low", "ci_high", "pct_change", "improved", "p_signflip", "p_adjusted",
                          "p_floor", "dz", "verdict", "on", "groups", "difference", "p_perm", "hedges_g",
                          "classification", "categories", "not_classified", "p_exact", "subject", "score_from",
                          "score_to", "change", "rci", "reliable_change", "clinical_change", "bands", "mcid_reached"}) {
        const auto* d = column_definition(c);
        REQUIRE_MESSAGE(d, c);
        CHECK(!d->label.empty());
        CHECK(d->definition.size() > 10);
    }
    CHECK(column_definition("nosuch") == nullptr);
}
