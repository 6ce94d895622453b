// libFuzzer target 3: the analysis path (commands::run_table_command) on
// small generated studies. The bytes are decoded into a valid tiny two-arm
// study -- 1..2 groups of 1..5 subjects, 1..3 times, one measure on an
// integer (bdi), quarter-step (bpi_severity) or free decimal scale, some
// scores missing -- built directly as a data::Study the way the study builder
// builds it (scores parsed from their decimal text with data::parse_decimal;
// going through CsvReader would cost its 48 MB line buffer per input and cut
// the fuzzing rate ~20x; fuzz_csv covers that path). Then
// describe/change/compare/responders run with one of a few option maps.
// Usage and data errors (e.g. compare on one group) are fine; anything else
// must not happen, and no cell may be NaN or inf.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instruments.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/report/renderer.hpp"

namespace ps = pilotstat;

namespace {

struct Bytes {
    const std::uint8_t* p;
    std::size_t n;
    std::size_t i = 0;
    std::uint8_t next() { return i < n ? p[i++] : 0; }
};

std::string score_text(int scale, std::uint8_t a, std::uint8_t b) {
    switch (scale) {
        case 0: return std::to_string(a % 64);                              // bdi 0..63
        case 1: {                                                            // bpi_severity 0..10 by 0.25
            const int q = a % 41;
            std::ostringstream s;
            s << q / 4 << '.' << (q % 4) * 25;
            return s.str();
        }
        default: {                                                           // free decimal, may be negative
            const int v = static_cast<int>(static_cast<std::int8_t>(a)) * 256 + b;
            std::ostringstream s;
            if (v < 0) s << '-';
            s << std::abs(v) / 100 << '.' << std::abs(v) % 100 / 10 << std::abs(v) % 10;
            return s.str();
        }
    }
}

const std::vector<std::pair<std::string, ps::analysis::OptionMap>>& option_sets() {
    static const std::vector<std::pair<std::string, ps::analysis::OptionMap>> sets{
        {"describe", {}},
        {"describe", {{"conf", "0.8"}}},
        {"change", {}},
        {"change", {{"alternative", "less"}, {"boot_method", "bca"}}},
        {"change", {{"alternative", "greater"}, {"two_sided", "doubled"}, {"zero_method", "pratt"}}},
        {"change", {{"exact_limit", "0"}, {"dp_limit", "0"}, {"resamples", "200"}, {"boot_exact_limit", "0"},
                    {"boot_resamples", "200"}}},
        {"compare", {}},
        {"compare", {{"on", "raw"}}},
        {"compare", {{"on", "ancova"}}},
        {"compare", {{"on", "slope"}}},
        {"compare", {{"on", "auc"}, {"boot_method", "percentile"}}},
        {"compare", {{"alternative", "less"}, {"two_sided", "doubled"}, {"boot_method", "bca"}}},
        {"compare", {{"exact_limit", "0"}, {"dp_limit", "0"}, {"resamples", "200"}, {"boot_exact_limit", "0"},
                     {"boot_resamples", "200"}}},
        {"responders", {}},
    };
    return sets;
}

void check_finite(const ps::report::ResultTable& table) {
    for (const auto& row : table.rows()) {
        if (row.size() != table.columns().size()) std::abort();
        for (const auto& cell : row)
            if (const double* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in{data, size};
    const std::uint8_t shape = in.next();
    const int groups = 1 + (shape & 1);
    const int times = 1 + (shape >> 1) % 3;
    const int scale = (shape >> 3) % 3;
    const std::size_t set = in.next() % option_sets().size();
    const char* measure = scale == 0 ? "bdi" : scale == 1 ? "bpi_severity" : "x";
    ps::data::Study study;
    study.source = "fuzz.csv";
    study.measures = {measure};
    for (int t = 0; t < times; ++t) study.times.push_back("T" + std::to_string(t));
    static const auto registry = ps::data::InstrumentRegistry::builtin();
    const auto* ins = registry.find(measure);
    study.instruments.push_back(ins ? std::optional<ps::data::Instrument>(*ins) : std::nullopt);
    study.higher_is_worse.push_back(ins ? ins->higher_is_worse : true);
    std::vector<std::vector<std::optional<ps::data::Score>>> rows;  // [subject][time]
    for (int g = 0; g < groups; ++g) {
        study.groups.push_back("g" + std::to_string(g));
        const int n = 1 + in.next() % 5;
        for (int s = 0; s < n; ++s) {
            study.subjects.push_back("S" + std::to_string(study.subjects.size()));
            study.subject_group.push_back(static_cast<std::size_t>(g));
            auto& row = rows.emplace_back(static_cast<std::size_t>(times));
            for (int t = 0; t < times; ++t) {
                const std::uint8_t a = in.next(), b = in.next();
                if ((b & 0xF0) == 0xF0) continue;  // missing
                const auto text = score_text(scale, a, b);
                const auto written = ps::data::parse_decimal(text);
                row[static_cast<std::size_t>(t)] = ps::data::Score{
                    *ps::data::parse_finite(text),
                    written ? std::optional<ps::data::Rational>(ps::data::to_rational(*written)) : std::nullopt};
            }
        }
    }
    study.scores = ps::data::ScoreTable(1, rows.size(), static_cast<std::size_t>(times));
    for (std::size_t s = 0; s < rows.size(); ++s)
        for (std::size_t t = 0; t < rows[s].size(); ++t) study.scores.set(0, s, t, rows[s][t]);
    try {
        const auto& [command, options] = option_sets()[set];
        const auto table = ps::commands::run_table_command(command, study, options);
        check_finite(table);
        std::ostringstream out;
        ps::report::make_renderer("json", {})->render(table, out);
        ps::report::make_renderer("text", {})->render(table, out);
    } catch (const ps::DataError&) {
    } catch (const ps::UsageError&) {
    }
    return 0;
}
