#include "store/uuid.h"

#include <chrono>
#include <cstdint>
#include <mutex>

#include <QRandomGenerator>

namespace rapport {

std::string newUuidV7()
{
    // 48-bit ms timestamp, then a 12-bit counter (rand_a) that keeps ids monotonic when several are
    // made in the same millisecond (RFC 9562 method 1), then 62 random bits.
    static std::mutex mutex;
    static std::uint64_t lastMs = 0;
    static std::uint32_t counter = 0;

    std::uint64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    std::uint32_t seq;
    {
        std::lock_guard lock(mutex);
        if (ms <= lastMs) {
            ms = lastMs;  // clock went back or same ms: stay on the last ms and count up
            if (++counter > 0xFFF) {
                counter = 0;
                ms = ++lastMs;
            }
        } else {
            lastMs = ms;
            counter = QRandomGenerator::global()->bounded(0x400u);  // random start leaves headroom
        }
        seq = counter;
    }
    const std::uint64_t rand = QRandomGenerator::global()->generate64();

    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | ((seq >> 8) & 0x0F));
    b[7] = static_cast<unsigned char>(seq & 0xFF);
    for (int i = 0; i < 8; ++i)
        b[8 + i] = static_cast<unsigned char>(rand >> (56 - 8 * i));
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F));  // RFC 9562 variant

    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(hex[b[i] >> 4]);
        out.push_back(hex[b[i] & 0x0F]);
    }
    return out;
}

bool isUuid(std::string_view t)
{
    if (t.size() != 36)
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace rapport
