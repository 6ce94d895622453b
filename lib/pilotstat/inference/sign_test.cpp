#include "pilotstat/inference/sign_test.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <vector>

#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/null/run.hpp"

namespace pilotstat::inference {

namespace {
// Weights of K = 0..m: binomial coefficients by Pascal's rule while they fit
// a double (m <= 1000, exact integers up to m = 56), else probabilities.
std::vector<double> binomial_weights(std::size_t m) {
    std::vector<double> w(m + 1, 0.0);
    if (m > 1000) {
        const boost::math::binomial_distribution<double> b(static_cast<double>(m), 0.5);
        for (std::size_t k = 0; k <= m; ++k) w[k] = boost::math::pdf(b, static_cast<double>(k));
        return w;
    }
    w[0] = 1.0;
    for (std::size_t row = 1; row <= m; ++row)
        for (std::size_t k = row; k >= 1; --k) w[k] += w[k - 1];
    return w;
}
}  // namespace

std::optional<core::TestResult> sign_test(std::span<const double> differences, const core::ExactOptions& opts) {
    require_finite_differences(differences);
    if (differences.empty()) return std::nullopt;
    std::size_t m = 0, positives = 0;
    for (double d : differences) {
        if (d == 0.0) continue;
        ++m;
        if (d > 0.0) ++positives;
    }
    std::vector<double> support(m + 1);
    for (std::size_t k = 0; k <= m; ++k) support[k] = static_cast<double>(k);
    // The 2^m sign vectors counted by their number of + signs: the
    // enumeration in closed form.
    const auto dist = null::ExactDistribution::from_weights(support, binomial_weights(m));
    auto r = null::exact_test(dist, static_cast<double>(positives), null::Provider::enumeration, opts);
    if (m == 0) {
        r.p_value = 1.0;
        r.note = "all differences zero";
    }
    return r;
}

}  // namespace pilotstat::inference
