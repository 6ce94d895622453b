#include <doctest/doctest.h>

#include <string>

#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"

using pilotstat::DataError;
using pilotstat::io::CsvOptions;
using pilotstat::io::CsvReader;
using pilotstat::io::CsvRecord;

TEST_CASE("csv reader: delimiter detection, BOM, CRLF, quotes, blank lines") {
    const std::string text = "\xEF\xBB\xBFsubject;group;note\r\n\"P 01\";a;\"x;\"\"y\"\"\"\r\n\r\nP02;b;\r\n";
    CsvReader r("t.csv", text, CsvOptions{});
    CHECK(r.delimiter() == ';');
    CHECK(r.header() == std::vector<std::string>{"subject", "group", "note"});
    CsvRecord rec;
    REQUIRE(r.next(rec));
    CHECK(rec.line == 2);
    CHECK(rec.fields == std::vector<std::string>{"P 01", "a", "x;\"y\""});
    REQUIRE(r.next(rec));
    CHECK(rec.line == 4);
    CHECK(rec.fields == std::vector<std::string>{"P02", "b", ""});
    CHECK_FALSE(r.next(rec));
}

TEST_CASE("csv reader: tab detection and explicit delimiter") {
    CsvReader tab("t.tsv", "a\tb\n1\t2\n", CsvOptions{});
    CHECK(tab.delimiter() == '\t');
    CsvOptions comma;
    comma.delimiter = ',';
    CsvReader forced("t.csv", "a;b,c\n1;2,3\n", comma);
    CHECK(forced.header() == std::vector<std::string>{"a;b", "c"});
}

TEST_CASE("csv reader errors name file, line and column") {
    CsvRecord rec;
    SUBCASE("ragged row") {
        CsvReader r("r.csv", "a,b,c\n1,2,3\n1,2\n", CsvOptions{});
        REQUIRE(r.next(rec));
        try {
            r.next(rec);
            FAIL("no error");
        } catch (const DataError& e) {
            CHECK(std::string(e.what()) == "r.csv:3:3: row has 2 fields, the header has 3");
        }
    }
    SUBCASE("unterminated quote") {
        CsvReader r("q.csv", "a,b\n1,\"oops\n", CsvOptions{});
        CHECK_THROWS_WITH_AS(r.next(rec), doctest::Contains("q.csv:2:2: unterminated quoted field"), DataError);
    }
    SUBCASE("empty input") {
        CHECK_THROWS_WITH_AS(CsvReader("e.csv", "", CsvOptions{}), doctest::Contains("e.csv:1: the file is empty"),
                             DataError);
        CHECK_THROWS_AS(CsvReader("e.csv", "\n  \n", CsvOptions{}), DataError);
    }
    SUBCASE("missing file") {
        CHECK_THROWS_WITH_AS(CsvReader("/nonexistent/x.csv", CsvOptions{}),
                             doctest::Contains("/nonexistent/x.csv: cannot open file: No such file"), DataError);
    }
}

TEST_CASE("csv reader: a record's fields are reused row after row without leaking text") {
    const std::string text = "a,b,c\nlonger text here,\"q \"\"x\"\"\",3\r\n1,,\"\"\n  \"z\" ,y,x\r\n";
    CsvReader r("t.csv", text, CsvOptions{});
    CsvRecord rec;
    REQUIRE(r.next(rec));
    CHECK(rec.fields == std::vector<std::string>{"longer text here", "q \"x\"", "3"});
    REQUIRE(r.next(rec));
    CHECK(rec.fields == std::vector<std::string>{"1", "", ""});
    REQUIRE(r.next(rec));
    CHECK(rec.fields == std::vector<std::string>{"z", "y", "x"});
    CHECK_FALSE(r.next(rec));
    // a CR inside a field is kept; only the line's final CR is dropped
    CHECK(pilotstat::io::split_line("a\rb,c\r", ',', "t.csv", 1) == std::vector<std::string>{"a\rb", "c"});
    CHECK(pilotstat::io::split_line("x\"y,z", ',', "t.csv", 1) == std::vector<std::string>{"x\"y", "z"});
    CHECK_THROWS_AS(pilotstat::io::split_line("a,\"b", ',', "t.csv", 1), DataError);
}

TEST_CASE("csv reader: lines without quotes split as the general path does") {
    using pilotstat::io::split_line;
    using V = std::vector<std::string>;
    CHECK(split_line("", ',', "t.csv", 1) == V{""});
    CHECK(split_line(",", ',', "t.csv", 1) == V{"", ""});
    CHECK(split_line("a,\r", ',', "t.csv", 1) == V{"a", ""});
    CHECK(split_line("\r", ',', "t.csv", 1) == V{""});
    CHECK(split_line("a\r,b\r\r", ',', "t.csv", 1) == V{"a\r", "b\r"});
    CHECK(split_line(" x ;y", ';', "t.csv", 1) == V{" x ", "y"});
    // the quoted path on the same text plus a quoted field gives the same first fields
    CHECK(split_line("a\r,b,\"c\"\r", ',', "t.csv", 1) == V{"a\r", "b", "c"});
}
