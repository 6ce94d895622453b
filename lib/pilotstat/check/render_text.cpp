#include <algorithm>
#include <array>

#include "pilotstat/check/render.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/report/number_format.hpp"

namespace pilotstat::check {

const std::vector<std::string>& check_formats() {
    static const std::vector<std::string> formats{"text", "tap", "json"};
    return formats;
}

void render_check(const CheckRun& run, std::string_view format, std::ostream& out, int digits) {
    if (format == "text") return render_text(run, out, digits);
    if (format == "tap") return render_tap(run, out);
    if (format == "json") return render_json(run, out);
    throw UsageError("unknown format \"" + std::string(format) + "\" for check (valid: text, tap, json; "
                     "JUnit XML with --junit FILE)");
}

int shown_decimals(const Expectation& e, int digits) { return std::min(std::max(digits, e.expected.decimals + 2), 12); }

void render_text(const CheckRun& run, std::ostream& out, int digits) {
    using Line = std::array<std::string, 6>;
    std::vector<Line> lines{{"id", "expected", "computed", "difference", "tolerance", "result"}};
    for (const auto& r : run.rows) {
        const int d = shown_decimals(r.expectation, digits);
        const auto& o = r.outcome;
        std::string result = o.pass ? "PASS" : "FAIL";
        if (!o.pass && !o.message.empty()) result += "  " + o.message;
        lines.push_back({r.expectation.id, r.expectation.expected.text,
                         o.computed ? report::rounded(*o.computed, d) : "NA",
                         o.difference ? report::rounded(*o.difference, d) : "NA", r.expectation.tolerance.text,
                         result});
    }
    std::array<std::size_t, 6> width{};
    for (const auto& l : lines)
        for (std::size_t c = 0; c < 5; ++c) width[c] = std::max(width[c], l[c].size());
    for (const auto& l : lines) {
        for (std::size_t c = 0; c < 5; ++c) {
            const bool right = c >= 1 && c <= 3;
            const std::string pad(width[c] - l[c].size(), ' ');
            out << (right ? pad + l[c] : l[c] + pad) << "  ";
        }
        out << l[5] << '\n';
    }
    out << run.passed() << " passed, " << run.failed() << " failed\n";
}

}  // namespace pilotstat::check
