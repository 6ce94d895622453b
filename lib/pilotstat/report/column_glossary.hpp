// Human-readable names and one-sentence definitions of the columns the html
// report shows, so a header can say "Permutation p" and link to what it is.
#pragma once

#include <string_view>

namespace pilotstat::report {

struct ColumnDefinition {
    std::string_view name;   // the column's key, as in csv/json ("p_perm")
    std::string_view label;  // the header ("Permutation p")
    std::string_view definition;
};

// nullptr for a column with no entry (the header then shows the key).
const ColumnDefinition* column_definition(std::string_view name);

}  // namespace pilotstat::report
