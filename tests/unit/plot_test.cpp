#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/svg.hpp"

using namespace pilotstat::plot;

TEST_CASE("nice ticks: steps of 1, 2 or 5 times a power of ten, limits widened to whole steps") {
    // Heckbert (1990): range 63 -> nice 100, step nice(100 / 5) = 20.
    auto t = nice_ticks(0, 63);
    CHECK(t.step == 20.0);
    CHECK(t.lo == 0.0);
    CHECK(t.hi == 80.0);
    t = nice_ticks(10, 33);  // range 23 -> nice 50, step 10
    CHECK(t.step == 10.0);
    CHECK(t.values == std::vector<double>{10, 20, 30, 40});
    t = nice_ticks(-3.09, -0.4);  // range 2.69 -> nice 5, step 1
    CHECK(t.step == 1.0);
    CHECK(t.lo == -4.0);
    CHECK(t.hi == 0.0);
    t = nice_ticks(0, 1);
    CHECK(t.step == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(t.values.size() == 6);
    CHECK(t.values.back() == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("nice ticks: degenerate and reversed ranges") {
    auto t = nice_ticks(5, 5);
    CHECK(t.lo <= 4.0);
    CHECK(t.hi >= 6.0);
    t = nice_ticks(10, 0);
    CHECK(t.lo == 0.0);
    CHECK(t.hi == 10.0);
    t = nice_ticks(-1e-17, 0.6);  // no "-0" tick
    CHECK(!std::signbit(t.values.front()));
}

TEST_CASE("tick labels: decimals from the step, a true minus sign") {
    CHECK(tick_label(20, 10) == "20");
    CHECK(tick_label(0.25, 0.25) == "0.25");
    CHECK(tick_label(0.4, 0.2) == "0.4");
    CHECK(tick_label(-5, 5) == "\u22125");
    CHECK(tick_label(-1e-12, 0.5) == "0.0");
}

TEST_CASE("svg: coordinates and escaping") {
    CHECK(coord(12.5) == "12.5");
    CHECK(coord(3.0) == "3");
    CHECK(coord(-0.001) == "0");
    CHECK(coord(1.005e3) == "1005");
    CHECK(pilotstat::markup_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    CHECK(pilotstat::markup_escape(std::string("x\x01y")) == "x y");
    Svg s(100, 50, "T & <t>", "D");
    s.text(1, 2, "P<1>");
    const auto doc = s.str();
    CHECK(doc.find("<title id=\"t\">T &amp; &lt;t&gt;</title>") != std::string::npos);
    CHECK(doc.find(">P&lt;1&gt;</text>") != std::string::npos);
    CHECK(doc.substr(doc.size() - 7) == "</svg>\n");
}

TEST_CASE("palette: Okabe-Ito, distinct for eight groups") {
    CHECK(palette(0) == "#0072B2");
    CHECK(palette(1) == "#D55E00");
    for (std::size_t i = 0; i < 8; ++i)
        for (std::size_t j = 0; j < i; ++j) CHECK(palette(i) != palette(j));
    CHECK(palette(8) == palette(0));
}
