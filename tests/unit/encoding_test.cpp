#include <doctest/doctest.h>

#include <string>

#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/io/encoding.hpp"

using namespace pilotstat::io;

// Cases from RFC 3629 section 3 / Markus Kuhn's UTF-8 decoder stress test.
TEST_CASE("utf-8 validation: valid text, and each class of invalid byte") {
    CHECK_FALSE(first_invalid_utf8("plain ascii").has_value());
    CHECK_FALSE(first_invalid_utf8("Ren\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").has_value());  // é € 😀
    CHECK(first_invalid_utf8("Ren\xE9").value() == 3);              // a lone Latin-1 byte
    CHECK(first_invalid_utf8("a\xC0\xAF").value() == 1);            // overlong '/'
    CHECK(first_invalid_utf8("a\xE0\x80\xAF").value() == 1);        // overlong, 3 bytes
    CHECK(first_invalid_utf8("\xED\xA0\x80").value() == 0);         // UTF-16 surrogate
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80").value() == 0);     // above U+10FFFF
    CHECK(first_invalid_utf8("ok\xE2\x82").value() == 2);           // truncated sequence
    CHECK(first_invalid_utf8("\x80").value() == 0);                 // lone continuation byte
}

TEST_CASE("windows-1252 and latin-1 transcoding") {
    std::size_t bad = 0;
    CHECK(to_utf8("Ren\xE9", Encoding::cp1252, bad).value() == "Ren\xC3\xA9");
    CHECK(to_utf8("\x80 \x93x\x94", Encoding::cp1252, bad).value() == "\xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");
    CHECK(to_utf8("\x80", Encoding::latin1, bad).value() == "\xC2\x80");  // C1 control in Latin-1
    CHECK_FALSE(to_utf8("ab\x81", Encoding::cp1252, bad).has_value());
    CHECK(bad == 2);
    CHECK(parse_encoding("Windows-1252") == Encoding::cp1252);
    CHECK(parse_encoding("ISO-8859-1") == Encoding::latin1);
    CHECK(parse_encoding("UTF8") == Encoding::utf8);
    CHECK_THROWS_AS(parse_encoding("ebcdic"), pilotstat::UsageError);
}

TEST_CASE("csv reader: invalid bytes name line and field; transcoding; delimiter-only rows") {
    const std::string text = "subject,score\nP01,3\n,\n , \nRen\xE9,4\n";
    CsvReader strict("t.csv", text, CsvOptions{});
    CsvRecord rec;
    REQUIRE(strict.next(rec));
    CHECK(rec.fields[0] == "P01");
    try {
        strict.next(rec);  // the two blank rows are skipped, line 5 is invalid
        FAIL("expected a DataError");
    } catch (const pilotstat::DataError& e) {
        CHECK(e.where().line == 5);
        CHECK(e.where().column == 1);
    }
    CsvReader cp("t.csv", text, CsvOptions{std::nullopt, Encoding::cp1252});
    REQUIRE(cp.next(rec));
    REQUIRE(cp.next(rec));
    CHECK(rec.line == 5);
    CHECK(rec.fields[0] == "Ren\xC3\xA9");
    CHECK_FALSE(cp.next(rec));
}

TEST_CASE("utf8: the eight-bytes-at-a-time ASCII scan finds a bad byte at every offset") {
    for (std::size_t len = 0; len < 40; ++len)
        for (std::size_t at = 0; at <= len; ++at) {
            std::string s(len, 'a');
            s.insert(at, "\xE9");  // a lone Latin-1 byte
            CAPTURE(len);
            CAPTURE(at);
            REQUIRE(first_invalid_utf8(s).value() == at);
            std::string ok(len, 'b');
            ok.insert(at, "\xC3\xA9");  // the same letter in UTF-8
            REQUIRE_FALSE(first_invalid_utf8(ok).has_value());
        }
}
