// What a reader of a report needs to reproduce it: which pilotstat, which
// command, which input bytes, which seed, when. Filled by the caller (the CLI
// knows the command line and the clock); the html report shows it.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace pilotstat::report {

struct Provenance {
    std::string version;       // pilotstat::version()
    std::string command_line;  // shell_join of the arguments, program name without its directory
    std::string input;         // the input file as named on the command line
    std::string input_sha256;  // lower-case hex; empty when the input was standard input
    std::string seed;
    std::string when;          // utc_stamp(...)
};

// The arguments joined by spaces, each quoted for a POSIX shell when it holds
// anything but [A-Za-z0-9_./:=,+@%-], so the line can be pasted back.
std::string shell_join(const std::vector<std::string>& args);

// "YYYY-MM-DD HH:MM:SS UTC", or "YYYY-MM-DD" when date_only (a SOURCE_DATE_EPOCH
// build: the day is reproducible, the second is not wanted).
std::string utc_stamp(std::time_t t, bool date_only);

// SOURCE_DATE_EPOCH (reproducible-builds.org): a non-negative whole number of
// seconds. nullopt when unset; throws DataError when set but malformed, rather
// than quietly stamping the wall clock.
std::optional<std::time_t> parse_source_date_epoch(const char* value);

}  // namespace pilotstat::report
