// libFuzzer target 1: CSV reader + study builder on arbitrary bytes.
// The first byte picks reader/builder options (delimiter, long/wide, --times,
// --baseline); the rest is the file. Typed input errors (DataError,
// UsageError) are the expected outcome of bad input; anything else -- a
// crash, a sanitizer report, ComputeError or a foreign exception -- is a bug.
// When the study builds, `describe` runs on it and every cell must be finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/report/renderer.hpp"

namespace ps = pilotstat;

static void check_finite(const ps::report::ResultTable& table) {
    for (const auto& row : table.rows())
        for (const auto& cell : row)
            if (const double* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t flags = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    ps::data::StudyOptions options;
    switch (flags & 3u) {
        case 1: options.csv.delimiter = ';'; break;
        case 2: options.csv.delimiter = '\t'; break;
        default: break;  // 0 detect, 3 detect
    }
    if (flags & 4u) options.wide = true;
    if (flags & 8u) options.times = {"T0", "T1"};
    if (flags & 16u) options.baseline = "T1";
    if (flags & 32u) options.measures = {"bdi"};
    try {
        ps::io::CsvReader reader("fuzz.csv", text, options.csv);
        const auto study = ps::data::build_study(reader, options);
        const auto table = ps::analysis::describe_table(ps::analysis::describe(study, 0.95));
        check_finite(table);
    } catch (const ps::DataError&) {
    } catch (const ps::UsageError&) {
    }
    return 0;
}
