// An SVG plot of each subject's scores over time, coloured by group, with
// the group means drawn thick. Written by the library, embedded in the html
// report; no scripts, no external assets.
#pragma once

#include <string>

#include "pilotstat/data/study.hpp"

namespace pilotstat::report {

std::string svg_trajectories(const data::Study& study, std::size_t measure);

}  // namespace pilotstat::report
