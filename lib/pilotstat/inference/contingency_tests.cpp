#include "pilotstat/inference/contingency_tests.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "pilotstat/error.hpp"
#include "pilotstat/null/monte_carlo.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/splits.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::inference {

namespace {

// R's fisher.test counts a table as extreme when its probability is at most
// the observed one times 1 + 1e-7, so that rounding never splits equal tables.
constexpr double kFisherRelErr = 1.0 + 1e-7;

void check_counts(long xa, long na, long xb, long nb, const char* who) {
    if (na < 0 || nb < 0 || xa < 0 || xb < 0 || xa > na || xb > nb)
        throw UsageError(std::string(who) + ": counts must satisfy 0 <= responders <= n in each arm");
}

// Responders in A given k responders in all: hypergeometric weights
// w(x) = C(na, x) C(nb, k - x) for x = lo..lo + w.size() - 1 (exact integers
// while below 2^53; their sum is C(na + nb, k)).
struct Hyper {
    long lo = 0;
    std::vector<double> w;
    double total = 0.0;
};

Hyper hypergeometric(long na, long nb, long k) {
    Hyper h;
    h.lo = std::max(0L, k - nb);
    const long hi = std::min(na, k);
    for (long x = h.lo; x <= hi; ++x) {
        h.w.push_back(resample::binomial_coefficient(static_cast<int>(na), static_cast<int>(x)) *
                      resample::binomial_coefficient(static_cast<int>(nb), static_cast<int>(k - x)));
        h.total += h.w.back();
    }
    return h;
}

// R's two-sided rule: mass of tables no more probable than table x.
double prob_rule_p(const Hyper& h, long x) {
    const double bound = h.w[static_cast<std::size_t>(x - h.lo)] * kFisherRelErr;
    long double s = 0;
    for (double v : h.w)
        if (v <= bound) s += v;
    return std::min(1.0, static_cast<double>(s / h.total));
}

double lower_tail(const Hyper& h, long x) {  // P(X <= x)
    long double s = 0;
    for (long y = h.lo; y <= x; ++y) s += h.w[static_cast<std::size_t>(y - h.lo)];
    return std::min(1.0, static_cast<double>(s / h.total));
}

double upper_tail(const Hyper& h, long x) {  // P(X >= x)
    long double s = 0;
    for (std::size_t i = static_cast<std::size_t>(x - h.lo); i < h.w.size(); ++i) s += h.w[i];
    return std::min(1.0, static_cast<double>(s / h.total));
}

}  // namespace

core::TestResult fisher_exact_2x2(long xa, long na, long xb, long nb, core::Alternative alternative, core::TwoSidedRule rule) {
    check_counts(xa, na, xb, nb, "fisher exact test");
    const Hyper h = hypergeometric(na, nb, xa + xb);
    core::TestResult r;
    if (alternative == core::Alternative::two_sided && rule == core::TwoSidedRule::deviation) {
        r.statistic = static_cast<double>(xa);
        r.alternative = alternative;
        r.two_sided_rule = rule;
        r.arrangements = h.total;
        r.p_value = prob_rule_p(h, xa);
        r.count_extreme = r.p_value * h.total;
        r.p_floor = 1.0;
        for (long x = h.lo; x < h.lo + static_cast<long>(h.w.size()); ++x)
            r.p_floor = std::min(r.p_floor, prob_rule_p(h, x));
    } else {
        std::vector<double> support;
        for (long x = h.lo; x < h.lo + static_cast<long>(h.w.size()); ++x)
            support.push_back(static_cast<double>(x));
        core::ExactOptions o;
        o.alternative = alternative;
        o.two_sided_rule = rule;
        r = null::exact_test(null::ExactDistribution::from_weights(support, h.w), static_cast<double>(xa),
                             null::Provider::enumeration, o);
    }
    null::finish_exact(r, null::Provider::enumeration);
    if (h.w.size() == 1) r.note = "only one response class: margins fix the table";
    return r;
}

namespace {

// Walks every r x c table with the given margins, column by column, keeping
// sum over cells of log x_ij! so that log P(table) = log_const - that.
class TableWalker {
public:
    TableWalker(std::vector<long> rows, std::vector<long> cols, double log_bound, double limit)
        : rem_(std::move(rows)), cols_(std::move(cols)), log_bound_(log_bound), limit_(limit) {
        long n = 0;
        for (long c : cols_) n += c;
        lfact_.resize(static_cast<std::size_t>(n) + 1);
        for (std::size_t i = 0; i < lfact_.size(); ++i) lfact_[i] = std::lgamma(static_cast<double>(i) + 1.0);
        log_const_ = -lfact_.back();
        for (long r : rem_) log_const_ += lfact_[static_cast<std::size_t>(r)];
        for (long c : cols_) log_const_ += lfact_[static_cast<std::size_t>(c)];
    }
    double log_const() const { return log_const_; }
    double lfact(long x) const { return lfact_[static_cast<std::size_t>(x)]; }

    // False when more than `limit` tables would be needed.
    bool run() {
        cell(0, 0, cols_.empty() ? 0 : cols_[0], 0.0);
        return !aborted_;
    }
    double tables = 0.0, counted = 0.0;
    double min_log_p = HUGE_VAL;  // least probable table
    long double p = 0;

private:
    void cell(std::size_t i, std::size_t j, long col_left, double acc) {
        if (aborted_) return;
        const std::size_t r = rem_.size();
        if (j + 1 == cols_.size()) {  // last column: what is left in each row
            for (long x : rem_) acc += lfact(x);
            return leaf(acc);
        }
        if (i + 1 == r) {  // last row of this column: forced
            const long x = col_left;
            rem_[i] -= x;
            cell(0, j + 1, cols_[j + 1], acc + lfact(x));
            rem_[i] += x;
            return;
        }
        long below = 0;
        for (std::size_t k = i + 1; k < r; ++k) below += rem_[k];
        const long lo = std::max(0L, col_left - below), hi = std::min(rem_[i], col_left);
        for (long x = lo; x <= hi; ++x) {
            rem_[i] -= x;
            cell(i + 1, j, col_left - x, acc + lfact(x));
            rem_[i] += x;
        }
    }
    void leaf(double acc) {
        if (++tables > limit_) {
            aborted_ = true;
            return;
        }
        const double lp = log_const_ - acc;
        min_log_p = std::min(min_log_p, lp);
        if (lp <= log_bound_) {
            p += std::exp(static_cast<long double>(lp));
            counted += 1.0;
        }
    }
    std::vector<long> rem_, cols_;
    std::vector<double> lfact_;
    double log_const_ = 0.0, log_bound_, limit_;
    bool aborted_ = false;
};

// Monte Carlo: tables with the observed margins are the cross-classification
// of fixed row labels with a random permutation of the column labels.
double monte_carlo_count(const std::vector<long>& rows, const std::vector<long>& cols,
                         const TableWalker& w, double log_bound, const core::ExactOptions& opts) {
    std::vector<std::size_t> row_of, col_of;
    for (std::size_t i = 0; i < rows.size(); ++i) row_of.insert(row_of.end(), static_cast<std::size_t>(rows[i]), i);
    for (std::size_t j = 0; j < cols.size(); ++j) col_of.insert(col_of.end(), static_cast<std::size_t>(cols[j]), j);
    resample::Rng rng(opts.seed);
    std::vector<long> cells(rows.size() * cols.size());
    double k = 0.0;
    for (std::uint64_t b = 0; b < opts.resamples; ++b) {
        for (std::size_t m = col_of.size(); m > 1; --m) std::swap(col_of[m - 1], col_of[rng.below(m)]);
        std::fill(cells.begin(), cells.end(), 0L);
        for (std::size_t s = 0; s < col_of.size(); ++s) ++cells[row_of[s] * cols.size() + col_of[s]];
        double acc = 0.0;
        for (long x : cells) acc += w.lfact(x);
        if (w.log_const() - acc <= log_bound) k += 1.0;
    }
    return k;
}

// Margins of the non-empty rows and columns, and which those are.
struct Margins {
    std::vector<long> rows, cols;
    std::vector<std::size_t> keep_rows, keep_cols;
};

Margins margins_of(const std::vector<std::vector<long>>& table) {
    Margins m;
    const std::size_t nc = table.empty() ? 0 : table.front().size();
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].size() != nc) throw UsageError("freeman-halton test: rows of the table differ in length");
        long s = 0;
        for (long x : table[i]) {
            if (x < 0) throw UsageError("freeman-halton test: counts must be >= 0");
            s += x;
        }
        if (s > 0) m.rows.push_back(s), m.keep_rows.push_back(i);
    }
    for (std::size_t j = 0; j < nc; ++j) {
        long s = 0;
        for (const auto& row : table) s += row[j];
        if (s > 0) m.cols.push_back(s), m.keep_cols.push_back(j);
    }
    return m;
}

}  // namespace

core::TestResult freeman_halton(const std::vector<std::vector<long>>& table, const core::ExactOptions& opts) {
    const Margins m = margins_of(table);
    const auto& rows = m.rows;
    const auto& cols = m.cols;
    core::TestResult r;
    if (rows.size() < 2 || cols.size() < 2) {
        r.arrangements = r.count_extreme = r.p_floor = 1.0;
        null::finish_exact(r, null::Provider::enumeration);
        r.note = "fewer than 2 non-empty rows or columns";
        return r;
    }
    TableWalker walker(rows, cols, 0.0, opts.max_enumeration);
    double acc = 0.0;
    for (auto i : m.keep_rows)
        for (auto j : m.keep_cols) acc += walker.lfact(table[i][j]);
    const double log_obs = walker.log_const() - acc;
    const double log_bound = log_obs + std::log(kFisherRelErr);
    r.statistic = std::exp(log_obs);
    TableWalker full(rows, cols, log_bound, opts.max_enumeration);
    if (full.run()) {
        r.arrangements = full.tables;
        r.count_extreme = full.counted;
        r.p_value = std::min(1.0, static_cast<double>(full.p));
        // The smallest attainable p is that of the least probable table(s):
        // a second walk sums the tables within R's tolerance of it.
        TableWalker floor(rows, cols, full.min_log_p + std::log(kFisherRelErr), opts.max_enumeration);
        floor.run();
        r.p_floor = std::min(1.0, static_cast<double>(floor.p));
        if (null::finish_exact(r, null::Provider::enumeration)) return r;
        r.note = "exact table probabilities not representable: Monte Carlo";  // and below
    }
    if (opts.resamples == 0)
        throw ComputeError("freeman-halton test: too many tables to enumerate and resamples = 0");
    null::finish_monte_carlo(r, monte_carlo_count(rows, cols, walker, log_bound, opts), opts.resamples, opts.seed);
    return r;
}

namespace {

// SciPy orders one-sided Fisher p-values with a relative tolerance of 1e-13.
constexpr double kBoschlooRelTol = 1.0 + 1e-13;

enum class Ordering { less, greater, fisher_two_sided };

// Fisher p-value of every table (x1, x2), row-major over x1 = 0..na.
std::vector<double> ordering_matrix(long na, long nb, Ordering kind) {
    std::vector<double> t;
    for (long x1 = 0; x1 <= na; ++x1)
        for (long x2 = 0; x2 <= nb; ++x2) {
            const Hyper h = hypergeometric(na, nb, x1 + x2);
            t.push_back(kind == Ordering::less      ? lower_tail(h, x1)
                        : kind == Ordering::greater ? upper_tail(h, x1)
                                                    : prob_rule_p(h, x1));
        }
    return t;
}

// sup over pi of P_pi(region) = sum_s c_s pi^s (1 - pi)^(N - s), where c_s
// sums C(na, x1) C(nb, x2) over region tables with x1 + x2 = s.
class NuisanceSup {
public:
    NuisanceSup(long na, long nb, const std::vector<double>& t, double bound) : c_(static_cast<std::size_t>(na + nb) + 1, 0.0) {
        std::size_t idx = 0;
        for (long x1 = 0; x1 <= na; ++x1)
            for (long x2 = 0; x2 <= nb; ++x2, ++idx)
                if (t[idx] <= bound) {
                    c_[static_cast<std::size_t>(x1 + x2)] +=
                        resample::binomial_coefficient(static_cast<int>(na), static_cast<int>(x1)) *
                        resample::binomial_coefficient(static_cast<int>(nb), static_cast<int>(x2));
                    count += 1.0;
                }
    }
    double count = 0.0;

    double at(double pi) const {
        const double n = static_cast<double>(c_.size() - 1);
        long double s = 0;
        for (std::size_t k = 0; k < c_.size(); ++k)
            if (c_[k] > 0) s += c_[k] * std::pow(pi, static_cast<double>(k)) * std::pow(1.0 - pi, n - static_cast<double>(k));
        return static_cast<double>(s);
    }

    // Grid, then golden-section refinement of every grid-local maximum.
    double sup() const {
        const std::size_t m = 1000 + 40 * (c_.size() - 1);
        std::vector<double> v(m + 1);
        for (std::size_t i = 0; i <= m; ++i) v[i] = at(static_cast<double>(i) / static_cast<double>(m));
        double best = *std::max_element(v.begin(), v.end());
        for (std::size_t i = 1; i < m; ++i)
            if (v[i] >= v[i - 1] && v[i] >= v[i + 1])
                best = std::max(best, golden(static_cast<double>(i - 1) / static_cast<double>(m),
                                             static_cast<double>(i + 1) / static_cast<double>(m)));
        return std::min(1.0, best);
    }

private:
    double golden(double a, double b) const {
        const double g = (std::sqrt(5.0) - 1.0) / 2.0;
        double c = b - g * (b - a), d = a + g * (b - a);
        double fc = at(c), fd = at(d);
        while (b - a > 1e-13) {
            if (fc >= fd) {
                b = d, d = c, fd = fc, c = b - g * (b - a), fc = at(c);
            } else {
                a = c, c = d, fc = fd, d = a + g * (b - a), fd = at(d);
            }
        }
        return std::max(fc, fd);
    }
    std::vector<double> c_;
};

core::TestResult boschloo_one(long xa, long na, long xb, long nb, Ordering kind) {
    const auto t = ordering_matrix(na, nb, kind);
    const double tol = kind == Ordering::fisher_two_sided ? kFisherRelErr : kBoschlooRelTol;
    const double observed = t[static_cast<std::size_t>(xa * (nb + 1) + xb)];
    const NuisanceSup region(na, nb, t, observed * tol);
    core::TestResult r;
    r.statistic = observed;
    r.p_value = region.sup();
    r.arrangements = static_cast<double>(t.size());
    r.count_extreme = region.count;
    r.p_floor = NuisanceSup(na, nb, t, *std::min_element(t.begin(), t.end()) * tol).sup();
    if (!null::finish_exact(r, null::Provider::enumeration))
        throw ComputeError("boschloo exact test: the supremum is not a valid p-value");
    return r;
}

}  // namespace

core::TestResult boschloo_exact(long xa, long na, long xb, long nb, core::Alternative alternative, core::TwoSidedRule rule) {
    check_counts(xa, na, xb, nb, "boschloo exact test");
    core::TestResult r;
    if (na == 0 || nb == 0) {
        null::finish_exact(r, null::Provider::enumeration);
        r.arrangements = r.count_extreme = r.p_floor = 1.0;
        r.note = "an arm is empty";
    } else if (alternative == core::Alternative::less) {
        r = boschloo_one(xa, na, xb, nb, Ordering::less);
    } else if (alternative == core::Alternative::greater) {
        r = boschloo_one(xa, na, xb, nb, Ordering::greater);
    } else if (rule == core::TwoSidedRule::deviation) {
        r = boschloo_one(xa, na, xb, nb, Ordering::fisher_two_sided);
    } else {
        const core::TestResult lo = boschloo_one(xa, na, xb, nb, Ordering::less);
        const core::TestResult hi = boschloo_one(xa, na, xb, nb, Ordering::greater);
        r = lo.p_value < hi.p_value ? lo : hi;  // SciPy's tie-break: greater
        r.p_value = std::min(1.0, 2.0 * r.p_value);
        r.p_floor = std::min(1.0, 2.0 * std::min(lo.p_floor, hi.p_floor));
    }
    r.alternative = alternative;
    r.two_sided_rule = rule;
    return r;
}

}  // namespace pilotstat::inference
