#include "pilotstat/data/instrument_aliases.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace pilotstat::data {

namespace {
// normalized alias -> built-in instrument name (docs/instruments.md lists them)
constexpr std::array<std::pair<std::string_view, std::string_view>, 35> kAliases{{
    {"bdi", "bdi"},           {"bdiii", "bdi"},          {"bdi2", "bdi"},
    {"bditotal", "bdi"},      {"bdiiitotal", "bdi"},     {"bdiscore", "bdi"},
    {"bdiiiscore", "bdi"},    {"gad7", "gad7"},          {"gad7total", "gad7"},
    {"gad7score", "gad7"},    {"phq9", "phq9"},          {"phq9total", "phq9"},
    {"phq9score", "phq9"},    {"pcl5", "pcl5"},          {"pcl5total", "pcl5"},
    {"pcl5score", "pcl5"},    {"madrs", "madrs"},        {"madrstotal", "madrs"},
    {"madrsscore", "madrs"},  {"meq30", "meq30"},        {"meq30total", "meq30"},
    {"meq30mean", "meq30"},   {"meq", "meq30"},          {"bpiseverity", "bpi_severity"},
    {"bpisev", "bpi_severity"}, {"bpis", "bpi_severity"}, {"bpiseveritymean", "bpi_severity"},
    {"bpiseverityscore", "bpi_severity"}, {"bpipainseverity", "bpi_severity"},
    {"bpiinterference", "bpi_interference"}, {"bpiint", "bpi_interference"},
    {"bpiinterf", "bpi_interference"},
    {"bpiinterferencemean", "bpi_interference"}, {"bpiinterferencescore", "bpi_interference"},
    {"bpipaininterference", "bpi_interference"}
}};

// Stems of the built-in instruments' names, for the "looks like one" note.
constexpr std::array<std::string_view, 7> kStems{"bdi", "gad", "phq", "pcl", "bpi", "madrs", "meq"};
}  // namespace

std::string normalized_name(std::string_view name) {
    std::string out;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string instrument_key(std::string_view name) {
    std::string n = normalized_name(name);
    for (const auto& [alias, canonical] : kAliases)
        if (n == alias) return std::string(canonical);
    return n;
}

std::optional<std::string> unrecognised_instrument_note(std::string_view name, bool recognised) {
    if (recognised) return std::nullopt;
    const std::string n = normalized_name(name);
    for (auto stem : kStems)
        if (n.size() > stem.size() && n.compare(0, stem.size(), stem) == 0)
            return "measure \"" + std::string(name) + "\" is not a registered instrument, though its name starts like " +
                   "one (\"" + std::string(stem) + "\"): it gets no range or grid check, norms, bands or MCID; name it " +
                   "as the instrument (e.g. BDI-II, GAD-7, bpi_severity) or describe it with --instruments";
    return std::nullopt;
}

}  // namespace pilotstat::data
