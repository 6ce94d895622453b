// SHA-256 (FIPS 180-4), so a report can name the exact bytes it was computed
// from: a reader holding the data file can check it is the same file.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pilotstat::io {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest; the object is spent afterwards (update/final again is an error of use).
    std::array<std::uint8_t, 32> final();

private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> h_;
    std::array<unsigned char, 64> buf_{};
    std::size_t used_ = 0;
    std::uint64_t bits_ = 0;
};

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);
// Lower-case hex digest of a file's bytes; throws DataError when it cannot be read.
std::string sha256_file_hex(const std::string& path);

}  // namespace pilotstat::io
