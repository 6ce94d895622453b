#!/usr/bin/env python3
"""Known-answer vectors for pilotstat's RNG (tests/unit/rng_test.cpp).

An independent implementation, from the published reference code:
splitmix64.c and xoshiro256starstar.c (Blackman & Vigna, prng.di.unimi.it),
Lemire's unbounded-rejection bounded integers (Lemire 2019, Algorithm 5), and
53-bit doubles (x >> 11) * 2^-53. Run: python3 scripts/reference/rng_vectors.py
"""
M = (1 << 64) - 1


def splitmix_state(seed):
    x, s = seed, []
    for _ in range(4):
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        s.append(z ^ (z >> 31))
    return s


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class Xoshiro:
    def __init__(self, seed):
        self.s = splitmix_state(seed)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def below(self, n):
        m = self.next() * n
        low = m & M
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                m = self.next() * n
                low = m & M
        return m >> 64

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def jump(self):
        J = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C]
        t = [0, 0, 0, 0]
        for w in J:
            for b in range(64):
                if w & (1 << b):
                    t = [t[i] ^ self.s[i] for i in range(4)]
                self.next()
        self.s = t


if __name__ == "__main__":
    for seed in (0, 20230401):
        r = Xoshiro(seed)
        print(f"seed {seed} next:", ", ".join(f"0x{r.next():016x}ULL" for _ in range(4)))
    r = Xoshiro(42)
    print("seed 42 below(7), below(1000000007), below(2^63+1):",
          r.below(7), r.below(1000000007), r.below((1 << 63) + 1))
    r = Xoshiro(7)
    print("seed 7 uniform:", ", ".join(repr(r.uniform()) for _ in range(3)))
    r = Xoshiro(99)
    r.jump()
    print("seed 99 after one jump next:", f"0x{r.next():016x}ULL")
