#include "pilotstat/models/mmrm_design.hpp"

#include <algorithm>

#include "pilotstat/error.hpp"

namespace pilotstat::models {

std::size_t arm_column(std::size_t visits, std::size_t visit) { return visits + 1 + visit; }

MmrmDesign make_design(const MmrmData& data) {
    MmrmDesign d;
    d.visits = data.visits;
    d.p = 2 * data.visits + 1;
    long double base = 0;
    for (const auto& s : data.subjects) base += s.baseline;
    d.baseline_mean = data.subjects.empty() ? 0.0 : static_cast<double>(base / data.subjects.size());
    for (const auto& s : data.subjects) {
        if (s.visits.size() != s.scores.size()) throw ComputeError("mmrm: visits and scores differ in length");
        const auto n = static_cast<Eigen::Index>(s.visits.size());
        Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(d.p));
        Eigen::VectorXd y(n);
        for (Eigen::Index r = 0; r < n; ++r) {
            const std::size_t j = s.visits[static_cast<std::size_t>(r)];
            if (j >= data.visits || (r > 0 && j <= s.visits[static_cast<std::size_t>(r - 1)]))
                throw ComputeError("mmrm: visit indices must increase and lie below the number of visits");
            x(r, 0) = 1.0;
            x(r, 1) = s.baseline - d.baseline_mean;
            if (j > 0) x(r, static_cast<Eigen::Index>(1 + j)) = 1.0;
            if (s.arm_a) x(r, static_cast<Eigen::Index>(arm_column(d.visits, j))) = 1.0;
            y(r) = s.scores[static_cast<std::size_t>(r)];
        }
        d.observations += s.visits.size();
        auto it = std::find(d.patterns.begin(), d.patterns.end(), s.visits);
        d.pattern.push_back(static_cast<std::size_t>(it - d.patterns.begin()));
        if (it == d.patterns.end()) d.patterns.push_back(s.visits);
        d.x.push_back(std::move(x));
        d.y.push_back(std::move(y));
        d.at.push_back(s.visits);
    }
    return d;
}

void set_arms(MmrmDesign& d, const std::vector<int>& in_a) {
    for (std::size_t i = 0; i < d.x.size(); ++i)
        for (std::size_t r = 0; r < d.at[i].size(); ++r)
            d.x[i](static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(arm_column(d.visits, d.at[i][r]))) =
                in_a[i] ? 1.0 : 0.0;
}

bool full_rank(const MmrmDesign& d) {
    Eigen::MatrixXd stacked(static_cast<Eigen::Index>(d.observations), static_cast<Eigen::Index>(d.p));
    Eigen::Index row = 0;
    for (const auto& x : d.x) {
        stacked.middleRows(row, x.rows()) = x;
        row += x.rows();
    }
    if (d.observations < d.p) return false;
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(stacked);
    qr.setThreshold(1e-10);
    return qr.rank() == static_cast<Eigen::Index>(d.p);
}

}  // namespace pilotstat::models
