// Is a published p-value consistent with its published test statistic?
// (the check statcheck makes: Epskamp & Nuijten 2016, R package statcheck;
// Nuijten et al. 2016, Behav Res Methods 48:1205).
#pragma once

#include <optional>
#include <string_view>

namespace pilotstat::check {

enum class StatTest { t, z, f, chisq, r, u };

// "t", "z", "F" (or "f"), "chisq" (or "chi2"), "r", "U" (Mann–Whitney); std::nullopt otherwise.
std::optional<StatTest> parse_stat_test(std::string_view name);

struct StatReport {
    StatTest test = StatTest::t;
    double df1 = 0;      // df of t, chisq and r; numerator df of F; n1 of U
    double df2 = 0;      // denominator df of F; n2 of U
    double value = 0;    // the statistic as published
    int decimals = 0;    // decimals it was published with
    int tails = 2;       // 1 or 2 (t, z, r, U); F and chisq are upper-tail
};

// p of a statistic: t: tails*pt(-|x|, df); z: tails*pnorm(-|x|);
// F: pf(x, df1, df2, lower = FALSE); chisq: pchisq(x, df, lower = FALSE);
// r: as t with t = r*sqrt(df/(1 - r^2)) (df = n - 2). Boost.Math
// distributions (the same functions as R's pt, pnorm, pf, pchisq).
// U: the exact p of mann_whitney_u.hpp (df1 = n1, df2 = n2).
double p_from_statistic(StatTest test, double value, double df1, double df2, int tails);

struct PRange {
    double p = 0;     // from the statistic as published
    double low = 0;   // smallest p over the statistic's rounding interval
    double high = 0;  // largest
};

// p over every statistic that rounds to the published one: x in
// [X - 0.5*10^-k, X + 0.5*10^-k] (k its decimals; clipped to x >= 0 for F
// and chisq and to |r| < 1). p falls as |x| grows, so the ends of the range
// come from the smallest and largest |x| in that interval (0 when it spans 0).
// U is a whole count, not a rounded number: its range is the one p.
PRange p_range(const StatReport& report);

}  // namespace pilotstat::check
