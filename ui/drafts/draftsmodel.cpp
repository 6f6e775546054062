#include "drafts/draftsmodel.h"

#include "shared/jsonutil.h"

using namespace Qt::StringLiterals;

namespace rapport::ui {

namespace {

QString addresses(const nlohmann::json &draft, const char *key)
{
    QStringList out;
    for (const auto &a : draft.value(key, nlohmann::json::array()))
        if (a.is_string())
            out << QString::fromStdString(a.get<std::string>());
    return out.join(u", "_s);
}

QString statusText(const nlohmann::json &draft)
{
    const QString status = jsonString(draft, "status");
    if (status == u"draft"_s)
        return DraftsModel::tr("Draft");
    if (status == u"queued"_s)
        return DraftsModel::tr("Queued");
    if (status == u"sent"_s)
        return DraftsModel::tr("Sent");
    return status;
}

std::vector<PagedJsonModel::Column> draftColumns()
{
    using J = const nlohmann::json &;
    return {
        {DraftsModel::tr("Subject"), [](J d) { return DraftsModel::subjectOf(d); }},
        {DraftsModel::tr("To"), [](J d) { return addresses(d, "to"); }},
        {DraftsModel::tr("Status"), [](J d) { return statusText(d); }},
        {DraftsModel::tr("Updated"), [](J d) { return formatTimestamp(jsonString(d, "updated_at")); }},
    };
}

} // namespace

DraftsModel::DraftsModel(GatewayClient &client, QObject *parent)
    : PagedJsonModel(client, "/drafts", draftColumns(), parent)
{
    setNewestFirst(true);
}

QString DraftsModel::subjectOf(const nlohmann::json &draft)
{
    const QString subject = jsonString(draft, "subject");
    return subject.isEmpty() ? tr("(no subject)") : subject;
}

} // namespace rapport::ui
