// The `select` grammar of expectations files (docs/check.md): a subcommand
// followed by key=value tokens, as on the command line. Values containing
// spaces are quoted with "..." or '...'. Example:
//   change measure=bpi_severity group=psychedelic from=T0 to=T3 column=pct_change_of_means
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pilotstat::check {

struct Selection {
    std::string command;
    std::vector<std::pair<std::string, std::string>> keys;  // in written order, keys unique

    // The value of `key`, or nullptr when the selection does not name it.
    const std::string* find(std::string_view key) const;
};

// Parses a selection; throws std::invalid_argument with a one-line reason
// (empty text, a token without '=', an empty key, an unterminated quote,
// a key given twice).
Selection parse_selection(std::string_view text);

// The selection written back in the same grammar (values quoted when they
// contain spaces or quotes), so that parse_selection(format_selection(s)) == s.
std::string format_selection(const Selection& selection);

}  // namespace pilotstat::check
