#include "sync/sync_engine.h"

#include <QDateTime>

#include "secrets/secret_store.h"
#include "store/settings_kv.h"
#include "store/store.h"
#include "store/timefmt.h"
#include "sync/hlc.h"
#include "sync/server_link.h"
#include "sync/sync_local.h"

using namespace Qt::StringLiterals;

namespace rapport::sync {

namespace {

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ServerLink linkFor(const nlohmann::json &account)
{
    return ServerLink(QString::fromStdString(account.value("server", "")),
                      QString::fromStdString(account.value("ca_file", "")));
}

nlohmann::json isoOrNull(std::int64_t ms)
{
    return ms > 0 ? nlohmann::json(isoFromMs(ms)) : nlohmann::json(nullptr);
}

} // namespace

SyncEngine::SyncEngine(Store &store, SecretStore &secrets, ContactsService &contacts, CompaniesService &companies)
    : m_store(store), m_secrets(secrets), m_contacts(contacts), m_companies(companies)
{
}

Result<nlohmann::json> SyncEngine::signIn(const nlohmann::json &body)
{
    if (!body.is_object())
        return Error::make(ErrorCode::InvalidJson, "the body must be a JSON object");
    std::vector<FieldError> missing;
    for (const char *key : {"server", "email", "password"})
        if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty())
            missing.push_back({key, std::string(key) + " is required"});
    if (!missing.empty())
        return Error::validation(std::move(missing));
    auto server = normaliseServerUrl(body["server"].get<std::string>());
    if (!server)
        return std::move(server).error();
    nlohmann::json account{{"server", server->toStdString()}, {"ca_file", body.value("ca_file", "")}};
    auto answer = linkFor(account).call(Method::Post, "/auth/login",
                                        {{"email", body["email"]}, {"password", body["password"]}}, {});
    if (!answer)
        return std::move(answer).error();
    const QString token = QString::fromStdString(answer->value("token", ""));
    const nlohmann::json user = answer->value("user", nlohmann::json::object());
    if (token.isEmpty() || !user.is_object())
        return Error::make(ErrorCode::Upstream, "the team server's sign-in answer is malformed");
    // Edits made for another team must not leave for this one.
    const std::string team = user.value("team_id", "");
    auto before = readSetting(m_store, "sync.cursor");
    auto pending = pendingCounts(m_store.reader());
    if (before && pending && !before->value("team_id", "").empty() && before->value("team_id", "") != team) {
        std::int64_t waiting = 0;
        for (const auto &[k, v] : pending->items())
            waiting += v.get<std::int64_t>();
        if (waiting > 0) {
            (void)linkFor(account).call(Method::Post, "/auth/logout", nlohmann::json::object(), token);
            return Error::make(ErrorCode::Conflict,
                               std::to_string(waiting) + " changes on this computer belong to the team at "
                                   + before->value("server", "") + " and have not been sent yet; sign in there first");
        }
    }
    if (auto saved = writeSecretBlocking(m_secrets, QString::fromLatin1(kTokenKey), token); !saved)
        return std::move(saved).error();
    account["email"] = user.value("email", "");
    account["user_id"] = user.value("id", "");
    account["team_id"] = user.value("team_id", "");
    if (auto e = writeSetting(m_store, "sync.account", account); !e)
        return std::move(e).error();
    {
        std::lock_guard lock(m_tokenMutex);
        m_token = token;
    }
    m_lastFailed = false;
    return nlohmann::json{{"account", account}};
}

Result<void> SyncEngine::signOut()
{
    auto account = readSetting(m_store, "sync.account");
    if (!account)
        return std::move(account).error();
    if (account->contains("server")) {
        if (auto t = token(); t && !t->isEmpty())
            (void)linkFor(*account).call(Method::Post, "/auth/logout", nlohmann::json::object(), *t);  // best effort
    }
    {
        std::lock_guard lock(m_tokenMutex);
        m_token.reset();
    }
    if (auto e = removeSecretBlocking(m_secrets, QString::fromLatin1(kTokenKey)); !e)
        return e;
    return writeSetting(m_store, "sync.account", nlohmann::json::object());
}

Result<nlohmann::json> SyncEngine::account() const
{
    auto account = readSetting(m_store, "sync.account");
    if (!account)
        return std::move(account).error();
    return nlohmann::json{{"account", account->contains("server") ? *account : nlohmann::json(nullptr)}};
}

Result<QString> SyncEngine::token()
{
    std::lock_guard lock(m_tokenMutex);
    if (m_token)
        return *m_token;
    auto stored = readSecretBlocking(m_secrets, QString::fromLatin1(kTokenKey));
    if (!stored)
        return std::move(stored).error();
    m_token = stored->value_or(QString());
    return *m_token;
}

Result<nlohmann::json> SyncEngine::runRound()
{
    std::lock_guard round(m_roundMutex);
    auto account = readSetting(m_store, "sync.account");
    if (!account)
        return std::move(account).error();
    if (!account->contains("server"))
        return status();
    std::optional<Error> failure;
    auto t = token();
    if (!t)
        failure = t.error();
    else if (t->isEmpty())
        failure = Error::make(ErrorCode::Unauthenticated, "sign in to the team server again");
    if (!failure) {
        m_syncing = true;
        if (auto done = this->round(*account, *t); !done)
            failure = done.error();
        m_syncing = false;
    }
    if (failure && failure->code == ErrorCode::Unauthenticated)
        failure->message = "the team server ended this session; sign in again (" + failure->message + ")";
    recordOutcome(failure);
    return status();
}

Result<void> SyncEngine::round(const nlohmann::json &account, const QString &token)
{
    const ServerLink link = linkFor(account);
    const std::string client = m_store.clock().node();
    // Push until the outbox is empty, one batch in flight at a time (the server applies them in order).
    // The next batch leaves as soon as the previous one is answered, and the answers are recorded
    // while the server works on it. A kill in between leaves answered rows in the outbox: they are sent
    // again and answered from the server's memory.
    const auto pushBatch = [&](const PendingBatch &batch) {
        nlohmann::json list = nlohmann::json::array();
        for (const Mutation &m : batch.mutations)
            list.push_back(toJson(m));
        return link.start(Method::Post, "/sync/push",
                          {{"protocol", kProtocolVersion}, {"client_id", client}, {"mutations", std::move(list)}},
                          token);
    };
    auto batch = readPending(m_store.reader(), kMaxBatch, 0);
    if (!batch)
        return std::move(batch).error();
    std::optional<Result<ServerLink::Pending>> inFlight;
    if (!batch->mutations.empty())
        inFlight = pushBatch(*batch);
    while (!batch->mutations.empty()) {
        if (m_stopping)
            return Error::make(ErrorCode::Cancelled, "stopped: Rapport is closing");
        if (!*inFlight)
            return std::move(*inFlight).error();
        auto answer = link.wait(**inFlight);
        if (!answer)
            return std::move(answer).error();
        auto results = parsePushAnswer(*answer);
        if (!results)
            return std::move(results).error();
        auto next = readPending(m_store.reader(), kMaxBatch, batch->outboxSeqs.back());
        if (!next)
            return std::move(next).error();
        if (!next->mutations.empty())
            inFlight = pushBatch(*next);
        if (auto e = recordAnswers(m_store, *batch, *results); !e)
            return e;
        batch = std::move(next);
    }
    auto saved = readSetting(m_store, "sync.cursor");
    if (!saved)
        return std::move(saved).error();
    std::int64_t cursor = 0;
    if (saved->value("server", "") == account.value("server", "") && saved->value("team_id", "") == account.value("team_id", ""))
        cursor = saved->value("cursor", std::int64_t{0});
    // The next page is asked for before this one is applied: the server reads it while we write.
    const auto pullFrom = [&](std::int64_t from) {
        return link.start(Method::Get,
                          "/sync/pull?protocol=1&client_id=" + client + "&cursor=" + std::to_string(from)
                              + "&limit=" + std::to_string(kMaxBatch),
                          nullptr, token);
    };
    auto pending = pullFrom(cursor);
    for (;;) {
        if (m_stopping)
            return Error::make(ErrorCode::Cancelled, "stopped: Rapport is closing");
        if (!pending)
            return std::move(pending).error();
        auto answer = link.wait(*pending);
        if (!answer)
            return std::move(answer).error();
        auto page = parsePullAnswer(*answer);
        if (!page)
            return std::move(page).error();
        if (page->more)
            pending = pullFrom(page->nextCursor);
        const nlohmann::json state{{"server", account.value("server", "")},
                                   {"team_id", account.value("team_id", "")},
                                   {"cursor", page->nextCursor}};
        if (auto e = applyPulled(m_store, *page, state); !e)
            return e;
        m_remoteChanges += static_cast<std::int64_t>(page->changes.size() + page->conflicts.size());
        if (!page->more)
            return {};
    }
}

void SyncEngine::recordOutcome(const std::optional<Error> &error)
{
    auto saved = readSetting(m_store, "sync.status");
    nlohmann::json s = saved ? *saved : nlohmann::json::object();
    const std::int64_t now = nowMs();
    if (error) {
        s["last_error"] = {{"code", codeName(error->code)}, {"message", error->message}, {"at", isoFromMs(now)}};
        s["offline"] = isOfflineError(*error);
    } else {
        s["last_success_ms"] = now;
        s["last_error"] = nullptr;
        s["offline"] = false;
    }
    m_lastFailed = error.has_value();
    m_lastOffline = error && isOfflineError(*error);
    (void)writeSetting(m_store, "sync.status", s);  // losing this note costs nothing but a stale status line
}

Result<nlohmann::json> SyncEngine::status() const
{
    auto account = readSetting(m_store, "sync.account");
    if (!account)
        return std::move(account).error();
    auto saved = readSetting(m_store, "sync.status");
    if (!saved)
        return std::move(saved).error();
    auto pending = pendingCounts(m_store.reader());
    if (!pending)
        return std::move(pending).error();
    QSqlQuery &q = m_store.reader().prepare(u"SELECT count(*) FROM sync_conflicts WHERE status = 'open'"_s);
    std::int64_t conflicts = 0;
    if (q.exec() && q.next())
        conflicts = q.value(0).toLongLong();
    q.finish();
    std::int64_t total = 0;
    for (const auto &[k, v] : pending->items())
        total += v.get<std::int64_t>();
    const bool signedIn = account->contains("server");
    const nlohmann::json lastError = saved->value("last_error", nlohmann::json(nullptr));
    std::string state = "idle";
    if (!signedIn)
        state = "signed_out";
    else if (m_syncing)
        state = "syncing";
    else if (!lastError.is_null())
        state = saved->value("offline", false) ? "offline" : "error";
    const std::int64_t next = m_nextAttemptMs.load();
    return nlohmann::json{{"state", state},
                          {"pending", *pending},
                          {"pending_total", total},
                          {"last_success_at", isoOrNull(saved->value("last_success_ms", std::int64_t{0}))},
                          {"last_error", lastError},
                          {"next_attempt_at", signedIn ? isoOrNull(next) : nlohmann::json(nullptr)},
                          {"server", signedIn ? (*account)["server"] : nlohmann::json(nullptr)},
                          {"open_conflicts", conflicts},
                          {"remote_changes", m_remoteChanges.load()}};
}

} // namespace rapport::sync
