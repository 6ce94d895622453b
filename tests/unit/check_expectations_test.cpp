// Expectations files: the select grammar and the reader's errors
// (FILE:LINE:COLUMN, COLUMN = the field number), tested word for word.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/selection.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;
using namespace pilotstat::check;

namespace {
const std::string kHeader = "id,select,expected,tolerance,note\n";

std::string error_of(const std::string& text) {
    try {
        parse_expectations("e.csv", text);
    } catch (const DataError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("Check selection grammar") {
    const auto s = parse_selection("change measure=bpi_severity  group=psychedelic column=pct_change_of_means");
    CHECK(s.command == "change");
    REQUIRE(s.keys.size() == 3);
    CHECK(s.keys[0].first == "measure");
    CHECK(*s.find("group") == "psychedelic");
    CHECK(s.find("time") == nullptr);
    const auto q = parse_selection("describe group=\"arm one\" note='say \"hi\"' empty=");
    CHECK(*q.find("group") == "arm one");
    CHECK(*q.find("note") == "say \"hi\"");
    CHECK(q.find("empty")->empty());
    CHECK(parse_selection(format_selection(q)).keys == q.keys);
    CHECK(format_selection(q) == "describe group=\"arm one\" note='say \"hi\"' empty=\"\"");
    CHECK_THROWS_WITH_AS(parse_selection(""), "select is empty", std::invalid_argument);
    CHECK_THROWS_WITH_AS(parse_selection("change measure"), "expected key=value, got \"measure\"",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(parse_selection("change =x"), "empty key in \"=x\"", std::invalid_argument);
    CHECK_THROWS_WITH_AS(parse_selection("change a=1 a=2"), "key \"a\" given twice", std::invalid_argument);
    CHECK_THROWS_AS(parse_selection("change a=\"open"), std::invalid_argument);
    CHECK_THROWS_AS(parse_selection("a=1 change"), std::invalid_argument);
}

TEST_CASE("Check expectations: a valid file with comments, quotes and every row kind") {
    const auto rows = parse_expectations(
        "e.csv", "# a comment, with a comma\n" + kHeader +
                     "a,describe measure=bdi group=psychedelic time=T0 column=mean,28.8,decimals:1,\n"
                     "# another\n"
                     "b,\"change measure=bdi group=\"\"arm 1\"\" column=p_t\",<0.05,p:3,quoted\n"
                     "c,grim n=5 step=1,3.40,decimals:2,\n"
                     "d,grimmer n=5 mean=3.00,1.58,decimals:2,\n"
                     "e,pvalue test=t df=28 stat=2.20,0.04,p:2,\n"
                     "f,pct_change n=5 step=0.25 max=10,-3.39,decimals:2,\n");
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].where.line == 3);
    CHECK(rows[1].where.line == 5);
    CHECK(*rows[1].select.find("group") == "arm 1");
    CHECK(rows[1].expected.bound == Bound::below);
    CHECK(rows[1].note == "quoted");
    CHECK(rows[2].tolerance.decimals == 2);
}

TEST_CASE("Check expectations: malformed rows name FILE:LINE:COLUMN") {
    CHECK(error_of(kHeader + "a,describe column=mean,1,banana,\n") ==
          "e.csv:2:4: unknown tolerance \"banana\" (valid: abs:X, rel:X%, decimals:K, p:K, exact)");
    CHECK(error_of(kHeader + "a,describe column=mean,1.2.3,exact,\n") == "e.csv:2:3: expected \"1.2.3\" is not a number");
    CHECK(error_of(kHeader + "a,describe column=mean,<0.05,exact,\n") == "e.csv:2:3: expected \"<0.05\" is not a number");
    CHECK(error_of(kHeader + "a,describe measure=bdi,1,exact,\n") ==
          "e.csv:2:2: a describe row needs column=NAME (the column to compare)");
    CHECK(error_of(kHeader + "a,frobnicate column=x,1,exact,\n").rfind("e.csv:2:2: unknown command \"frobnicate\" (valid: describe", 0) == 0);
    CHECK(error_of(kHeader + ",describe column=mean,1,exact,\n") == "e.csv:2:1: empty id");
    CHECK(error_of(kHeader + "a,describe column=mean,1,exact,\na,describe column=sd,1,exact,\n") ==
          "e.csv:3:1: id \"a\" already used on line 2");
    CHECK(error_of(kHeader + "a,grim n=5 stepp=1,3.4,decimals:2,\n") ==
          "e.csv:2:2: grim has no key \"stepp\" (valid: n, step, items)");
    CHECK(error_of(kHeader + "a,grim step=1,3.4,decimals:2,\n") == "e.csv:2:2: grim needs n=...");
    CHECK(error_of(kHeader + "a,grim n=five,3.4,decimals:2,\n") == "e.csv:2:2: n must be a whole number >= 1 and <= 1000000000 (\"five\")");
    CHECK(error_of(kHeader + "a,grim n=5,3.4,abs:0.1,\n") ==
          "e.csv:2:4: grim rows need tolerance decimals:K (the decimals the figure was published with), not \"abs:0.1\"");
    CHECK(error_of(kHeader + "a,pvalue test=q df=3 stat=1,0.2,p:2,\n") == "e.csv:2:2: test must be t, z, F, chisq, r or U (\"q\")");
    CHECK(error_of(kHeader + "a,pvalue test=F df1=3 stat=1,0.2,p:2,\n") == "e.csv:2:2: pvalue needs df2=...");
    CHECK(error_of(kHeader + "a,describe a=\"b,1,exact,\n") == "e.csv:2:2: unterminated quote in \"describe a=\"b\"");
}

TEST_CASE("Check expectations: header and file problems") {
    CHECK(error_of("id,select,expected\na,b,1\n") ==
          "e.csv:1: missing column \"tolerance\" (need id,select,expected,tolerance[,note])");
    CHECK(error_of("id,select,expected,tolerance,comment\n") ==
          "e.csv:1:5: unknown column \"comment\" (valid: id,select,expected,tolerance,note)");
    CHECK(error_of(kHeader) == "e.csv: no expectations (only a header)");
    CHECK(error_of(kHeader + "a,describe column=mean,1\n").find("e.csv:2") == 0);  // ragged
    CHECK_THROWS_AS(read_expectations("/no/such/file.csv"), DataError);
}
