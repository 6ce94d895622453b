// The valid range of every numeric option, in one place: the command line
// (cli/numeric_options) and the key=value options of expectations files
// (OptionReader) check the same ranges, so --help, the man pages and the
// messages cannot disagree with what the analyses accept.
#pragma once

#include <cstdint>

#include "pilotstat/analysis/numeric_range.hpp"

namespace pilotstat::analysis::ranges {

inline constexpr std::uint64_t kMaxCount = std::uint64_t{1} << 40;
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// Significance level (verdicts, power, planning): above 0.5 a test rejects
// more often than it keeps under its own null, which no design intends.
inline constexpr RealRange alpha{0.0, 0.5, true, false};
// Power (targets and the power of the minimal detectable effect); it must
// also exceed alpha, checked where both are known.
inline constexpr RealRange power{0.0, 1.0, true, true};
// Confidence level of the intervals; below 0.5 an interval is not one.
inline constexpr RealRange conf{0.5, 0.9999, false, false};
// One-sided confidence of the planning SD's upper limit.
inline constexpr RealRange sd_conf{0.0, 1.0, true, true};
// Responder threshold, percent of the baseline score.
inline constexpr RealRange responder{0.0, 100.0, false, false};
// |RCI| threshold: 0 would call every change reliable; 10 is far beyond any
// published criterion (1.96, 1.645).
inline constexpr RealRange rci_z{0.0, 10.0, true, false};
// Differences to detect, in points of the instrument.
inline constexpr RealRange mcid{0.0, kInf, true, false};
// TOST equivalence margin (--margin), in points of the compared value: positive.
inline constexpr RealRange margin{0.0, kInf, true, false};
// Standardized effects (dz or d) of `power`: any sign.
inline constexpr RealRange effect{};
// Figure size in pixels.
inline constexpr RealRange width{320.0, 4000.0, false, false};
inline constexpr RealRange height{240.0, 4000.0, false, false};

// Monte Carlo arrangements and bootstrap resamples: fewer than 100 cannot
// resolve p = 0.05 or a 95% interval's tails.
inline constexpr CountRange resamples{100, kMaxCount};
inline constexpr CountRange boot_resamples{100, kMaxCount};
inline constexpr CountRange exact_limit{0, kMaxCount};
inline constexpr CountRange dp_limit{0, kMaxCount};
inline constexpr CountRange boot_exact_limit{0, kMaxCount};
inline constexpr CountRange seed{};  // every 64-bit value
// Simulated data sets of `power` (each one runs an exact test).
inline constexpr CountRange power_replicates{1, 100000000};
inline constexpr CountRange power_n{2, 100000};
inline constexpr CountRange participants{1, 1000000000};  // --screened, --randomized, check --n
inline constexpr CountRange digits{0, 15};
inline constexpr CountRange check_digits{0, 12};

}  // namespace pilotstat::analysis::ranges
