#include "gmail/token_store.h"

using namespace Qt::StringLiterals;

namespace rapport::gmail {

namespace {
QString tokensKey()
{
    return QString::fromUtf16(TokenStore::kTokensKey);
}
} // namespace

void TokenStore::load(QObject *context, TokensLoaded done)
{
    m_secrets.read(tokensKey(), context, [done = std::move(done)](Result<std::optional<QString>> read) {
        if (!read)
            return done(std::move(read).error());
        if (!read.value())
            return done(std::optional<GoogleTokens>());
        GoogleTokens tokens;
        if (!GoogleTokens::fromSecretJson(read.value()->toUtf8(), tokens))
            return done(Error::make(ErrorCode::Internal,
                                    "The saved Gmail sign-in could not be read. Connect Gmail again."));
        done(std::optional<GoogleTokens>(std::move(tokens)));
    });
}

void TokenStore::save(const GoogleTokens &tokens, QObject *context, SecretDone done)
{
    if (!tokens.hasAccessToken())
        return detail::deliverLater<Result<void>>(
            context, std::move(done),
            Error::make(ErrorCode::ValidationFailed, "Gmail tokens without an access token", "access_token"));
    m_secrets.write(tokensKey(), QString::fromUtf8(tokens.toSecretJson()), context, std::move(done));
}

void TokenStore::clear(QObject *context, SecretDone done)
{
    m_secrets.remove(tokensKey(), context, std::move(done));
}

} // namespace rapport::gmail
