// How a measure's name is matched to a registered instrument: case and
// punctuation are ignored ("BDI-II", "bdi_ii" and "Bdi II" are one name), and
// the common spellings of each built-in instrument ("bdi_total", "GAD-7",
// "bpi_sev") are aliases of it. Both registries (range/grid and norms) key
// their entries by instrument_key, so every lookup agrees.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::data {

// Lower-case letters and digits of `name`, everything else dropped.
std::string normalized_name(std::string_view name);

// The registry key of `name`: the built-in instrument it is an alias of
// ("BDI-II" -> "bdi"), else its normalized form.
std::string instrument_key(std::string_view name);

// A note for a name that is not an instrument but starts like one
// ("bdi_2_total": an item? a renamed total?), so that a missing range check
// does not pass unnoticed; nullopt otherwise. `recognised` says whether the
// name matched a registered instrument.
std::optional<std::string> unrecognised_instrument_note(std::string_view name, bool recognised);

}  // namespace pilotstat::data
