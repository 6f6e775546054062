#include "server/credentials.h"

#include <algorithm>
#include <semaphore>
#include <thread>

#include <QList>
#include <QString>
#include <QStringList>

#include <sodium.h>

#include "core/request.h"  // isValidUtf8

using namespace Qt::StringLiterals;

namespace rapport::server {

namespace {

// INTERACTIVE (2 passes, 64 MiB) rather than MODERATE (3 passes, 256 MiB, ~0.7 s): this hash runs on
// every sign-in of an online service, where MODERATE would let a few dozen concurrent sign-in requests
// take gigabytes and seconds of CPU each. Online guessing is already bounded by the rate limits; the
// hash's job is to slow an offline attack on a stolen server.db, and 64 MiB x 2 passes is above
// OWASP's recommended Argon2id minimum (19 MiB, 2 passes). libsodium recommends INTERACTIVE for this.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
constexpr std::size_t kMaxPasswordBytes = 4096;
constexpr int kMinPasswordChars = 10;

// Bounds memory to (slots x 64 MiB) whatever the number of request threads.
std::counting_semaphore<> &hashSlots()
{
    static std::counting_semaphore<> pool(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 2, 8));
    return pool;
}

struct HashSlot {
    HashSlot() { hashSlots().acquire(); }
    ~HashSlot() { hashSlots().release(); }
};

Error emailError(std::string message)
{
    return Error::validation({{"email", std::move(message)}});
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Invisible or unassigned code points: two addresses differing only in them would look identical.
bool invisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Separator_Space: case QChar::Separator_Line: case QChar::Separator_Paragraph:
    case QChar::Other_Control: case QChar::Other_Format: case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse: case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

// RFC 5322 dot-atom characters; beyond ASCII, any visible code point (RFC 6531).
bool localChar(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("!#$%&'*+-/=?^_`{|}~.").find(static_cast<char>(c)) != std::string_view::npos;
    return !invisible(c);
}

// Host name letters, digits and '-'; beyond ASCII, the letters, digits and combining marks of IDNs.
bool domainChar(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    const auto cat = QChar::category(c);
    return QChar::isLetterOrNumber(c) || cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining;
}

} // namespace

Result<void> ensureSodium()
{
    static const int status = sodium_init();  // 0 first time, 1 if already started elsewhere, -1 failure
    if (status < 0)
        return Error::make(ErrorCode::Internal, "The cryptography library could not start (libsodium)");
    return {};
}

Result<std::string> normaliseEmail(std::string_view email)
{
    if (!isValidUtf8(email))
        return emailError("The email address is not valid UTF-8 text");
    // Fold after NFC, then NFC again: folding can leave a sequence that composes differently.
    const QString s = fromUtf8(email).trimmed().normalized(QString::NormalizationForm_C).toCaseFolded()
                          .normalized(QString::NormalizationForm_C);
    if (s.isEmpty())
        return emailError("Enter an email address");
    const qsizetype at = s.indexOf(u'@');
    if (at <= 0 || at == s.size() - 1 || s.indexOf(u'@', at + 1) >= 0)
        return emailError("An email address looks like name@example.com");
    const QString local = s.left(at);
    const QString domain = s.mid(at + 1);
    if (local.toUtf8().size() > 64 || s.toUtf8().size() > 254)
        return emailError("The email address is too long");
    for (char32_t c : local.toUcs4())
        if (!localChar(c))
            return emailError("The email address contains a character that addresses cannot have");
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u".."_s))
        return emailError("The part before @ cannot start or end with a dot or have two dots in a row");
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return emailError("The part after @ needs a dot, as in example.com");
    for (const QString &label : labels) {
        if (label.isEmpty() || label.toUtf8().size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return emailError("The part after @ is not a valid domain name");
        for (char32_t c : label.toUcs4())
            if (!domainChar(c))
                return emailError("The part after @ is not a valid domain name");
    }
    return s.toStdString();
}

Result<std::string> normaliseNewPassword(std::string_view password)
{
    auto bad = [](std::string message) { return Error::validation({{"password", std::move(message)}}); };
    if (!isValidUtf8(password))
        return bad("The password is not valid UTF-8 text");
    const QString s = fromUtf8(password).normalized(QString::NormalizationForm_C);
    if (s.toUcs4().size() < kMinPasswordChars)
        return bad("The password needs at least 10 characters");
    std::string out = s.toStdString();
    if (out.size() > kMaxPasswordBytes)
        return bad("The password is too long (at most 4096 bytes)");
    return out;
}

std::optional<std::string> normaliseLoginPassword(std::string_view password)
{
    if (password.size() > 4 * kMaxPasswordBytes || !isValidUtf8(password))
        return std::nullopt;
    std::string out = fromUtf8(password).normalized(QString::NormalizationForm_C).toStdString();
    if (out.size() > kMaxPasswordBytes)
        return std::nullopt;
    return out;
}

Result<std::string> hashPassword(std::string_view password)
{
    if (auto r = ensureSodium(); !r)
        return std::move(r).error();
    char out[crypto_pwhash_STRBYTES];
    HashSlot slot;
    if (crypto_pwhash_str(out, password.data(), password.size(), kOpsLimit, kMemLimit) != 0)
        return Error::make(ErrorCode::Internal, "Not enough memory to hash the password");
    return std::string(out);
}

bool verifyPassword(const std::string &storedHash, std::string_view password)
{
    if (!ensureSodium())
        return false;
    HashSlot slot;
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

bool needsRehash(const std::string &storedHash)
{
    return crypto_pwhash_str_needs_rehash(storedHash.c_str(), kOpsLimit, kMemLimit) != 0;
}

const std::string &dummyPasswordHash()
{
    static const std::string hash = [] {
        std::string random = newSessionToken();  // nobody knows it, so nothing ever matches
        auto h = hashPassword(random);
        return h ? *h : std::string();  // empty only when out of memory: verify then fails fast
    }();
    return hash;
}

std::string newSessionToken()
{
    unsigned char raw[32];
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    (void)ensureSodium();
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    return std::string(text);
}

bool looksLikeSessionToken(std::string_view token)
{
    return token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
           });
}

QByteArray sessionTokenHash(std::string_view token)
{
    QByteArray out(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(out.data()),
                       reinterpret_cast<const unsigned char *>(token.data()), token.size());
    return out;
}

QByteArray limiterKey(std::string_view kind, std::string_view value)
{
    std::string text(kind);
    text += ':';
    text += value;
    return sessionTokenHash(text);
}

} // namespace rapport::server
