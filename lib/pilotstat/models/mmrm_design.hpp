// The data and fixed-effects design of the mixed model for repeated
// measures (mmrm.hpp): score ~ baseline + group x visit, one row per
// available post-baseline score.
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Dense>

namespace pilotstat::models {

// One subject: its baseline, its arm and the post-baseline scores it has
// (visits are indices 0..V-1 in increasing order; missing visits absent).
struct MmrmSubject {
    double baseline = 0.0;
    bool arm_a = false;
    std::vector<std::size_t> visits;
    std::vector<double> scores;
};

struct MmrmData {
    std::size_t visits = 0;  // V post-baseline visits
    std::vector<MmrmSubject> subjects;
};

// Column layout of X (p = 2V + 1 columns), chosen so that the group effect
// at visit j is one coefficient:
//   0            intercept (arm B at visit 1, baseline at its mean)
//   1            baseline, centred on the mean over the model's subjects
//   1 + j        visit j, j = 1..V-1 (arm B's change of level from visit 0)
//   V + 1 + j    arm A at visit j, j = 0..V-1 (A - B at visit j)
// This is a reparametrization of R's baseline + group * visit.
struct MmrmDesign {
    std::size_t visits = 0, p = 0, observations = 0;
    double baseline_mean = 0.0;
    std::vector<Eigen::MatrixXd> x;             // per subject, n_i x p
    std::vector<Eigen::VectorXd> y;             // per subject, n_i
    std::vector<std::vector<std::size_t>> at;   // per subject, its visits
    std::vector<std::size_t> pattern;           // per subject, index into patterns
    std::vector<std::vector<std::size_t>> patterns;  // distinct visit sets
};

std::size_t arm_column(std::size_t visits, std::size_t visit);  // V + 1 + visit

// Subjects with no post-baseline score are kept (they contribute no row).
MmrmDesign make_design(const MmrmData& data);

// Sets the arm-A columns for a relabeling (in_a[i] != 0: subject i in arm A).
void set_arms(MmrmDesign& design, const std::vector<int>& in_a);

// Whether every fixed effect is estimable (X of full column rank).
bool full_rank(const MmrmDesign& design);

}  // namespace pilotstat::models
