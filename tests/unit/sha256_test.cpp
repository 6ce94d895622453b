#include <doctest/doctest.h>

#include <string>

#include "pilotstat/error.hpp"
#include "pilotstat/io/sha256.hpp"

using pilotstat::io::sha256_hex;

// The test vectors of NIST's FIPS 180-2 (Appendix B) and the CSRC "SHA-256
// example" document; the padding-boundary lengths (55, 56, 64 bytes) checked
// against Python's hashlib.sha256(b"x" * n).hexdigest().
TEST_CASE("sha256: NIST FIPS 180-2 vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstn"
                     "opqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: padding boundaries and incremental updates") {
    CHECK(sha256_hex(std::string(55, 'x')) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    CHECK(sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    CHECK(sha256_hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
    // Fed in uneven pieces across block boundaries: the same digest.
    pilotstat::io::Sha256 h;
    const std::string msg(1000000, 'a');
    for (std::size_t i = 0, step = 1; i < msg.size(); i += step, step = step % 97 + 1)
        h.update(std::string_view(msg).substr(i, step));
    const auto d = h.final();
    CHECK(d[0] == 0xcd);
    CHECK(d[31] == 0xd0);
}

TEST_CASE("sha256: a file that cannot be read is a data error naming it") {
    CHECK_THROWS_AS(pilotstat::io::sha256_file_hex("/nonexistent/x.csv"), pilotstat::DataError);
    CHECK(pilotstat::io::sha256_file_hex(PILOTSTAT_TEST_DIR "/../data/examples/kap_pilot.csv").size() == 64);
}
