// `check --scan`: published numbers found in plain text (a paper pasted or
// converted with pdftotext) turned into expectation rows (docs/check.md,
// "Scanning a paper's text"):
//   APA test results   t(8) = 2.10, p = .04   F(1, 8) = 5.3, p < .05
//                      chi2(1) = 3.84, p = .05 (also χ2, χ², X2)   r(28) = -.31, p = .10
//                      z = 1.96, p = .05      -> pvalue rows (tails=1 when the line
//                      says one-tailed, one-sided or directional)
//   Mann–Whitney       U = 3, p = .06 with n1 = 5, n2 = 5 (or "n = 5 per group", or two
//                      "n = N" earlier in its sentence) -> a pvalue test=U row (exact p)
//   means with SD      M = 28.8, SD = 3.5 ... n = 5   28.8 ± 3.5 (n = 5)
//                      -> grim and grimmer rows, when n and the grid are known
//   percent changes    -32.81% / +24.56% (a sign written), "a reduction of 12.5%"
//                      -> pct_change rows, when n and the instrument range are known
// Each row's note is "FILE:LINE: the text matched"; its location is the text line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/check/expectations.hpp"

namespace pilotstat::check {

struct ScanOptions {
    std::optional<std::string> step;  // grid of one score as written ("0.25", "1/7"); none: no GRIM rows
    std::optional<double> min, max;   // range of a score (an instrument's); max needed for pct_change rows
    std::optional<std::int64_t> n;    // n when the text gives none on the line
};

struct ScanResult {
    std::string csv;                        // an expectations file (header id,select,expected,tolerance,note)
    std::vector<Expectation> expectations;  // the same rows, located at their text lines
    std::vector<std::string> notes;         // "FILE:LINE: TEXT not checked: WHY" for figures found
                                            // but not made into rows (a U without group sizes, ...)
};

// Throws DataError "FILE: nothing to check found ..." when the text holds none of the above.
ScanResult scan_text(const std::string& source_name, std::string_view text, const ScanOptions& options);

// The same from a file ("-" = standard input); DataError "FILE: cannot open text file".
ScanResult scan_file(const std::string& path, const ScanOptions& options);

}  // namespace pilotstat::check
