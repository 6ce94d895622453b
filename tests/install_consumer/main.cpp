// Reads a study, then compares the two arms' change from baseline to the last
// time on one measure: the exact permutation test of the difference in means
// and the Hodges-Lehmann shift with its exact interval.
// Usage: consumer STUDY.csv MEASURE
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <pilotstat/pilotstat.hpp>

namespace {
std::string shortest(double x) {  // the shortest text that reads back as x
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
    return std::string(buffer, end);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer STUDY.csv MEASURE\n";
        return 2;
    }
    try {
        pilotstat::data::StudyOptions options;
        options.measures = {argv[2]};
        const pilotstat::data::Study study = pilotstat::data::load_study(argv[1], options);
        if (study.groups.size() != 2) throw pilotstat::UsageError("the study needs exactly two groups");

        // Change from baseline to the last time, per arm (subjects missing either score left out).
        const std::size_t last = study.times.size() - 1;
        std::vector<double> change[2];
        for (std::size_t s = 0; s < study.subjects.size(); ++s) {
            const auto& before = study.at(0, s, study.baseline);
            const auto& after = study.at(0, s, last);
            if (before && after) change[study.subject_group[s]].push_back(after->value - before->value);
        }

        const auto test = pilotstat::inference::permutation_test(change[0], change[1]);
        const auto shift = pilotstat::effects::hodges_lehmann(change[0], change[1], 0.95);
        if (!test || !shift) throw pilotstat::UsageError("an arm has no complete pair of scores");

        std::cout << "pilotstat," << pilotstat::version() << '\n'
                  << "p_perm," << shortest(test->p_value) << '\n'
                  << "method_perm," << test->method_label() << '\n'
                  << "hl_shift," << shortest(shift->estimate) << '\n'
                  << "hl_ci_low," << shortest(shift->ci.low) << '\n'
                  << "hl_ci_high," << shortest(shift->ci.high) << '\n';
        return 0;
    } catch (const pilotstat::UsageError& e) {
        std::cerr << "consumer: " << e.what() << '\n';
        return 2;
    } catch (const pilotstat::DataError& e) {
        std::cerr << "consumer: " << e.what() << '\n';
        return 3;
    }
}
